// A Compose file in the real editor: squiggles on inherited and own settings, the hover of a Compose rule, the
// "bind to 127.0.0.1" quick fix, and the fixed file saved with its comments.
import fs from 'node:fs';
import path from 'node:path';
import { hoverUntil, openFile, openQuickFixMenu, pointInLine, RULE_ID, ruleTitles, squigglesOnLine, WAIT, waitFor } from '../workbench.mjs';

const PORT_LINE = '"5432:5432"';
const FIXED_LINE = '"127.0.0.1:5432:5432"';
const NETWORK_LINE = 'network_mode: host';
const MERGED_LINE = 'privileged: true';

export default {
  title: 'compose.yaml: squiggles (own and merged settings), hover with the rule title, bind-to-localhost quick fix saved',
  async run({ page, workspace, extensionDir, log }) {
    const file = path.join(workspace, 'compose/insecure/compose.yaml');
    const editor = await openFile(page, 'compose/insecure/compose.yaml', 'x-debug', log);
    log('compose.yaml open');

    // `privileged: true` sits in the x-debug anchor: reported there for the services that merge it.
    for (const text of [MERGED_LINE, NETWORK_LINE, PORT_LINE]) {
      await waitFor(async () => (await squigglesOnLine(editor, text)).length > 0, `a squiggle under \`${text}\``);
    }
    log('squiggles on the merged, the own and the port settings');

    // Hover `host`: the marker part names the rule, the server's part renders its title.
    const host = await pointInLine(editor, NETWORK_LINE, 4 + 'network_mode: '.length, 'host'.length);
    const hover = await hoverUntil(page, host, /compose\//, log);
    const markerText = (await hover.innerText()).replace(/\s+/g, ' ');
    const titles = ruleTitles(extensionDir);
    const ruleId = [...new Set(markerText.match(RULE_ID) ?? [])].find((id) => id === 'compose/host-namespaces');
    if (!ruleId) throw new Error(`the hover does not name compose/host-namespaces: ${markerText}`);
    const docsHover = page.locator('.monaco-hover', { hasText: titles.get(ruleId) }).first();
    await docsHover.waitFor({ timeout: WAIT });
    log('hover:', (await docsHover.innerText()).replace(/\s+/g, ' ').slice(0, 200));
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    // Ctrl+. on the published PostgreSQL port: bind it to the loopback address.
    const port = await pointInLine(editor, PORT_LINE, 9, 4);
    const action = await openQuickFixMenu(page, editor, port, /127\.0\.0\.1/);
    log('quick fix:', (await action.innerText()).trim());
    await action.click();
    await editor.locator('.view-line', { hasText: FIXED_LINE }).waitFor({ timeout: WAIT });
    await waitFor(async () => (await squigglesOnLine(editor, FIXED_LINE)).length === 0, 'the squiggle under the port to go');
    log('port finding gone');

    await editor.locator('textarea').first().focus();
    await page.keyboard.press('Control+S');
    await waitFor(() => fs.readFileSync(file, 'utf8').includes(FIXED_LINE), 'the fix to reach the disk');
    const disk = fs.readFileSync(file, 'utf8');
    if (!disk.includes(`- ${FIXED_LINE}                     # compose/port-all-interfaces`)) throw new Error(`the fix did not keep the line's comment:\n${disk}`);
    if (!disk.startsWith('# An insecure Compose stack') || !disk.includes('x-debug: &debug')) throw new Error(`the save changed other lines:\n${disk}`);
    log('saved to disk');
  },
};
