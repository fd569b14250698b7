// The loop a user goes through on examples/Dockerfile: squiggle, Problems entry, hover, Ctrl+. fix, save.
import fs from 'node:fs';
import path from 'node:path';
import { openFile, openQuickFixMenu, pointInLine, RULE_ID, ruleTitles, squigglesOnLine, WAIT, waitFor } from '../workbench.mjs';

const ADD_LINE = 'ADD . /app';

export default {
  title: 'Dockerfile: squiggle, Problems entry, hover with the rule title, Ctrl+. quick fix saved to disk',
  async run({ page, workspace, extensionDir, log }) {
    const file = path.join(workspace, 'Dockerfile');
    const editor = await openFile(page, 'Dockerfile', 'node:latest', log);
    log('Dockerfile open');

    await waitFor(async () => (await squigglesOnLine(editor, ADD_LINE)).length > 0, `a squiggle under \`${ADD_LINE}\``);
    const status = await page.locator('#status\\.problems').first().getAttribute('aria-label');
    log('status bar:', status);
    if (!/[1-9]/.test(status ?? '')) throw new Error(`status bar shows no problems: ${status}`);

    // Hover over the ADD keyword: VS Code's marker hover names the rule, the server's hover renders its docs.
    const add = await pointInLine(editor, ADD_LINE, 0, 3);
    await page.mouse.move(add.x, add.y);
    const hover = page.locator('.monaco-hover', { hasText: /dockerfile\// }).first();
    await hover.waitFor({ timeout: WAIT });
    const markerText = (await hover.innerText()).replace(/\s+/g, ' ');
    const titles = ruleTitles(extensionDir);
    const ruleId = [...new Set(markerText.match(RULE_ID) ?? [])].find((id) => titles.has(id));
    if (!ruleId) throw new Error(`the hover names no known rule: ${markerText}`);
    // The server's part of the hover arrives after the marker part ("Loading..."): wait for the rule title.
    const title = titles.get(ruleId);
    const docsHover = page.locator('.monaco-hover', { hasText: title }).first();
    await docsHover.waitFor({ timeout: WAIT });
    log('hover:', (await docsHover.innerText()).replace(/\s+/g, ' ').slice(0, 200));

    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: ruleId }).first();
    await problem.waitFor({ timeout: WAIT });
    log('Problems:', (await problem.innerText()).replace(/\s+/g, ' '));

    // Ctrl+. on the finding and pick the COPY fix.
    await page.mouse.click(add.x, add.y);
    const action = await openQuickFixMenu(page, editor, /COPY/);
    log('quick fix:', (await action.innerText()).trim());
    await action.click();
    await editor.locator('.view-line', { hasText: 'COPY . /app' }).waitFor({ timeout: WAIT });
    await problem.waitFor({ state: 'detached', timeout: WAIT });
    log(`${ruleId} gone from Problems`);

    await page.keyboard.press('Control+S');
    await waitFor(() => fs.readFileSync(file, 'utf8').includes('\nCOPY . /app\n'), 'the fix to reach the disk');
    const disk = fs.readFileSync(file, 'utf8');
    if (disk.includes(ADD_LINE)) throw new Error(`ADD still on disk:\n${disk}`);
    if (!disk.startsWith('# An insecure Dockerfile')) throw new Error(`the save changed other lines:\n${disk}`);
    log('saved to disk');
  },
};
