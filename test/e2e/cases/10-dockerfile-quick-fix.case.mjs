// The loop a user goes through on examples/Dockerfile: squiggles, Ctrl+. quick fix, hover, Problems entry, save.
import fs from 'node:fs';
import path from 'node:path';
import { hoverUntil, openFile, openQuickFixMenu, pointInLine, RULE_ID, ruleTitles, squigglesOnLine, statusBarProblems, WAIT, waitFor } from '../workbench.mjs';

const ADD_LINE = 'ADD . /app';
const FROM_LINE = 'FROM node:latest';

export default {
  title: 'Dockerfile: squiggles, Ctrl+. quick fix, hover with the rule title, Problems entry, fix saved to disk',
  async run({ page, workspace, extensionDir, log }) {
    const file = path.join(workspace, 'Dockerfile');
    const editor = await openFile(page, 'Dockerfile', 'node:latest', log);
    log('Dockerfile open');

    for (const text of [FROM_LINE, ADD_LINE]) {
      await waitFor(async () => (await squigglesOnLine(editor, text)).length > 0, `a squiggle under \`${text}\``);
    }
    const before = await statusBarProblems(page);
    log('status bar problems:', before);
    if (before === 0) throw new Error('the status bar shows no problems');

    // Ctrl+. on ADD and pick the COPY fix; the squiggle and one problem go away.
    const add = await pointInLine(editor, ADD_LINE, 0, 3);
    const action = await openQuickFixMenu(page, editor, add, /COPY/);
    log('quick fix:', (await action.innerText()).trim());
    await action.click();
    await editor.locator('.view-line', { hasText: 'COPY . /app' }).waitFor({ timeout: WAIT });
    // Other rules may flag the COPY line (e.g. its `.`); the finding on the keyword itself must be gone.
    const keyword = await pointInLine(editor, 'COPY . /app', 0, 4);
    const charWidth = (keyword.x - (await pointInLine(editor, 'COPY . /app', 0, 0)).x) / 2;
    await waitFor(async () => (await squigglesOnLine(editor, 'COPY . /app', keyword.x - 2 * charWidth, keyword.x + 2 * charWidth)).length === 0,
      'the squiggle under the ADD keyword to go');
    log(`ADD finding gone; status bar problems: ${await statusBarProblems(page)} (was ${before})`);

    // Hover over `latest`: VS Code's marker hover names the rule, the server's hover renders its docs.
    const latest = await pointInLine(editor, FROM_LINE, 'FROM node:'.length, 'latest'.length);
    const hover = await hoverUntil(page, latest, /dockerfile\//, log);
    const markerText = (await hover.innerText()).replace(/\s+/g, ' ');
    const titles = ruleTitles(extensionDir);
    const ruleId = [...new Set(markerText.match(RULE_ID) ?? [])].find((id) => titles.has(id));
    if (!ruleId) throw new Error(`the hover names no known rule: ${markerText}`);
    // The server's part of the hover arrives after the marker part ("Loading..."): wait for the rule title.
    const docsHover = page.locator('.monaco-hover', { hasText: titles.get(ruleId) }).first();
    await docsHover.waitFor({ timeout: WAIT });
    log('hover:', (await docsHover.innerText()).replace(/\s+/g, ' ').slice(0, 200));
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: ruleId }).first();
    await problem.waitFor({ timeout: WAIT });
    log('Problems:', (await problem.innerText()).replace(/\s+/g, ' '));

    await editor.locator('textarea').first().focus();
    await page.keyboard.press('Control+S');
    await waitFor(() => fs.readFileSync(file, 'utf8').includes('\nCOPY . /app\n'), 'the fix to reach the disk');
    const disk = fs.readFileSync(file, 'utf8');
    if (disk.includes(ADD_LINE)) throw new Error(`ADD still on disk:\n${disk}`);
    if (!disk.startsWith('# An insecure Dockerfile') || !disk.includes(`\n${FROM_LINE}\n`)) throw new Error(`the save changed other lines:\n${disk}`);
    log('saved to disk');
  },
};
