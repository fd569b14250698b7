// Recognises download commands and where their output goes.
import { toolOptions } from './options';
import type { ShCommand, ShWord } from './shell';

export interface Download {
  cmd: ShCommand;
  urls: ShWord[];
  /** Where the body goes: a file path, '-' for stdout. */
  outputs: ShWord[];
  toStdout: boolean;
}

export function downloadOf(cmd: ShCommand): Download | undefined {
  const args = cmd.argv.slice(1);
  if (cmd.name === 'curl') {
    const o = toolOptions('curl', args);
    const outputs = [...(o.values.get('o') ?? []), ...(o.values.get('output') ?? [])];
    const remoteName = o.flags.has('O') || o.flags.has('remote-name') || o.flags.has('remote-name-all');
    const urls = [...o.operands, ...(o.values.get('url') ?? [])].filter((w) => /^(https?|ftp):\/\//i.test(w.value) || (w.dynamic && !w.value.startsWith('-')));
    if (!urls.length) return undefined;
    const toStdout = !remoteName && (outputs.length === 0 || outputs.some((w) => w.value === '-' || w.value === '/dev/stdout'));
    return { cmd, urls, outputs: remoteName ? urls : outputs, toStdout };
  }
  if (cmd.name === 'wget') {
    const o = toolOptions('wget', args);
    const outputs = [...(o.values.get('O') ?? []), ...(o.values.get('output-document') ?? [])];
    const urls = o.operands.filter((w) => /^(https?|ftp):\/\//i.test(w.value) || w.dynamic);
    if (!urls.length) return undefined;
    const toStdout = outputs.some((w) => w.value === '-' || w.value === '/dev/stdout');
    return { cmd, urls, outputs: outputs.length ? outputs : urls, toStdout };
  }
  return undefined;
}

/** Interpreters that run a script read from stdin when given no script argument. */
const INTERPRETERS = /^(sh|bash|dash|ash|zsh|ksh|mksh|python[0-9.]*|perl|ruby|node|php)$/;

export function readsScriptFromStdin(cmd: ShCommand): boolean {
  if (!INTERPRETERS.test(cmd.name)) return false;
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '-' || v === '-s' || v === '--') return true;
    if (v === '-c' || v === '-e' || v === '-m' || /^-[a-z]*c[a-z]*$/.test(v) && /^(sh|bash|dash|ash|zsh|ksh|mksh)$/.test(cmd.name)) return false;
    if (v === '-o' || v === '+o') {
      i++;
      continue;
    }
    if (!v.startsWith('-') && !v.startsWith('+')) return false;
  }
  return true;
}

export function isShellOrEval(cmd: ShCommand): boolean {
  return INTERPRETERS.test(cmd.name) || cmd.name === 'eval' || cmd.name === 'source' || cmd.name === '.';
}
