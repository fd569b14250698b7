// "Pin to digest" in the real editor: a Dockerfile naming an image in a registry started on this machine gets the
// image's index digest with one code action, resolved lazily by the server, and the saved file has it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repoRoot } from '../../../scripts/lib/code-server.mjs';
import { hoverUntil, openFile, openQuickFixMenu, pointInLine, WAIT, waitFor } from '../workbench.mjs';

const FILE = 'Dockerfile.registry';
let registry;

/** test/support/registry.ts is TypeScript; bundle it once for this Node process. */
async function loadRegistrySupport(dir) {
  const out = path.join(dir, 'registry-support.mjs');
  await build({ entryPoints: [path.join(repoRoot, 'test/support/registry.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'warning' });
  return import(pathToFileURL(out).href);
}

export default {
  title: 'Dockerfile: "Pin to digest" on a FROM image from a local registry writes the index digest to disk',
  settings: { 'shipshape.registry.enable': true },
  async prepare({ workspace, dirs, log }) {
    const support = await loadRegistrySupport(dirs.root);
    registry = await support.startRegistry();
    const { index } = await new support.Pusher(registry.url).multiArch('app', '1.0', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    const image = `${registry.host}/app:1.0`;
    fs.writeFileSync(path.join(workspace, FILE), `# Pinned by the e2e test\nFROM ${image}\nUSER 10001\n`);
    log('registry at', registry.url, 'index digest', index.digest);
    return { image, digest: index.digest };
  },
  async run({ page, workspace, log, env }) {
    const file = path.join(workspace, FILE);
    const editor = await openFile(page, FILE, env.image, log);
    log(`${FILE} open`);

    // The hover asks the registry: the index digest and its platforms.
    const at = await pointInLine(editor, env.image, 'FROM '.length + 3);
    const hover = await hoverUntil(page, at, 'Platforms:', log);
    const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
    log('hover:', hoverText.slice(hoverText.indexOf('Image')));
    if (!hoverText.includes(env.digest) || !hoverText.includes('linux/amd64, linux/arm64/v8')) throw new Error(`hover lacks the index digest or platforms: ${hoverText}`);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    // Caret inside the image reference, then Ctrl+. and the server's (lazily resolved) action.
    const action = await openQuickFixMenu(page, editor, at, /Pin to digest/);
    log('action:', (await action.innerText()).trim());
    await action.click();
    await editor.locator('.view-line', { hasText: '@sha256:' }).waitFor({ timeout: WAIT });
    log('edit applied in the editor');

    await page.keyboard.press('Control+S');
    const expected = `FROM ${env.image}@${env.digest}\n`;
    await waitFor(() => fs.readFileSync(file, 'utf8').includes(expected), 'the pinned FROM to reach the disk');
    const disk = fs.readFileSync(file, 'utf8');
    if (disk !== `# Pinned by the e2e test\n${expected}USER 10001\n`) throw new Error(`unexpected file on disk:\n${disk}`);
    log('saved with the index digest');
  },
  async cleanup() {
    await registry?.stop();
    registry = undefined;
  },
};
