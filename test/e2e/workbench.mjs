// Small page-object helpers for the VS Code workbench, shared by the case files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const WAIT = Number(process.env.WAIT_MS || 90000);
export const SQUIGGLE = '.squiggly-error, .squiggly-warning, .squiggly-info';
export const LIGHTBULB = '.codicon[class*="lightbulb"], .codicon[class*="light-bulb"]';
// No leading \b: the hover's innerText runs the source into the code (`shipshapedockerfile/...`).
export const RULE_ID = /(?:dockerfile|compose|k8s)\/[a-z0-9]+(?:-[a-z0-9]+)*/g;

/** Opens a workspace file through Quick Open and returns the editor that shows it. */
export async function openFile(page, relPath, expectText, log = () => {}) {
  // The Explorer lists the workspace once the remote extension host is connected.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: WAIT });
  log('explorer ready');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await input.fill(relPath);
  const base = path.basename(relPath);
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${base.replace(/\./g, '\\.')}$`) }) }).first();
  await row.waitFor({ timeout: WAIT });
  log('quick open lists', relPath);
  await row.click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: expectText }).waitFor({ timeout: WAIT });
  return editor;
}

/** The rendered line of `editor` whose text contains `text`. */
export function line(editor, text) {
  return editor.locator('.view-lines .view-line', { hasText: text }).first();
}

/** Screen point over the `column`-th character (0-based) of a rendered line, for hovering and clicking. */
export async function pointInLine(editor, text, column, length = 1) {
  // The editor re-renders its lines while it settles: poll until the line has a box.
  let box = null;
  await waitFor(async () => (box = await line(editor, text).boundingBox().catch(() => null)) !== null, `line \`${text}\` to render`);
  const charWidth = await editor.evaluate((el) => {
    const probe = el.querySelector('.view-lines .view-line span span');
    return probe ? probe.getBoundingClientRect().width / Math.max(1, probe.textContent.length) : 8;
  });
  return { x: box.x + (column + length / 2) * charWidth, y: box.y + box.height / 2 };
}

/** The squiggle decorations on the same row as `text` (decorations live in a separate layer, matched by top),
 * optionally only those overlapping the screen span [fromX, toX). */
export async function squigglesOnLine(editor, text, fromX = -Infinity, toX = Infinity) {
  const box = await line(editor, text).boundingBox().catch(() => null);
  if (!box) return []; // the line is being re-rendered
  const squiggles = await editor.locator(SQUIGGLE).all();
  const onRow = [];
  for (const s of squiggles) { const b = await s.boundingBox().catch(() => null); if (b && Math.abs(b.y - box.y) < box.height / 2 && b.x < toX && b.x + b.width > fromX) onRow.push(s); }
  return onRow;
}

export async function waitFor(predicate, what, timeout = WAIT) {
  // Bounded polling, for state that has no event the test can await (files on disk, decoration layout).
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Rule titles from the packaged CLI (`shipshape rules --format json`), keyed by id. */
export function ruleTitles(extensionDir) {
  const cli = path.join(extensionDir, 'dist/cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing from the .vsix`);
  const r = spawnSync(process.execPath, [cli, 'rules', '--format', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`shipshape rules --format json failed (${r.status}): ${r.stderr}`);
  const parsed = JSON.parse(r.stdout);
  const list = Array.isArray(parsed) ? parsed : parsed.rules ?? [];
  return new Map(list.map((rule) => [rule.id ?? rule.meta?.id, rule.title ?? rule.meta?.title]));
}

/** Problems count from the status bar item (errors + warnings + infos). */
export async function statusBarProblems(page) {
  const label = (await page.locator('#status\\.problems').first().getAttribute('aria-label')) ?? '';
  return (label.match(/\d+/g) ?? []).reduce((n, d) => n + Number(d), 0);
}

/**
 * Clicks `point` in the editor, presses Ctrl+. there and returns the quick-fix menu row matching `title`.
 * Do not focus the editor's textarea programmatically before Ctrl+.: on this workbench that made the
 * keypress open no menu at all (observed repeatedly); a real click, as a user does, works.
 */
export async function openQuickFixMenu(page, editor, point, title) {
  if (title === undefined) throw new Error('openQuickFixMenu(page, editor, point, title): pass the point to click (see pointInLine)');
  // The lightbulb shows that the editor has computed code actions for the cursor line. Where the line starts at
  // column 0 it sits in the gutter (`codicon-lightbulb`, `codicon-lightbulb-autofix`); on an indented line (YAML)
  // it is a content widget in the indentation with the older icon name `codicon-light-bulb`: match both.
  await page.mouse.click(point.x, point.y);
  await editor.locator(LIGHTBULB).filter({ visible: true }).first().waitFor({ timeout: WAIT });
  const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  // On a loaded machine the first Ctrl+. is sometimes dropped; retry a bounded number of times.
  for (let attempt = 1; ; attempt++) {
    await page.mouse.click(point.x, point.y);
    await page.keyboard.press('Control+.');
    try {
      await row.waitFor({ timeout: attempt < 4 ? 10000 : WAIT });
      return row;
    } catch (e) {
      if (attempt >= 4) throw e;
      console.log(`Ctrl+. attempt ${attempt} opened no menu; retrying`);
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Hovers `point` until a hover containing `text` shows, and returns it. A hover is one request: when it answered
 * before the server had what the test waits for (the server still starting, a registry lookup still running, which
 * the hover says with "hover again"), the same hover stays on screen, so move away and hover again, as a user does.
 * On timeout the error quotes the last hover seen.
 */
export async function hoverUntil(page, point, text, log = () => {}, timeout = WAIT) {
  const deadline = Date.now() + timeout;
  const anyHover = page.locator('.monaco-hover').filter({ visible: true });
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(point.x, point.y);
    const wanted = page.locator('.monaco-hover', { hasText: text }).first();
    try {
      await wanted.waitFor({ timeout: Math.min(10000, Math.max(1000, deadline - Date.now())) });
      return wanted;
    } catch {
      const last = (await anyHover.allInnerTexts().catch(() => [])).join(' | ').replace(/\s+/g, ' ');
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for a hover with ${text}; last hover: ${last || '(none)'}`);
      log(`hover attempt ${attempt} showed: ${last.slice(0, 300) || '(none)'}; hovering again`);
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      // Hover again only once the old hover is gone, or the editor keeps showing it.
      await anyHover.first().waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
    }
  }
}
