// Recognises download commands and where their output goes.
import { parseOptions, type ShCommand, type ShWord } from './shell';

const CURL_VALUE = new Set(['o', 'output', 'd', 'data', 'H', 'header', 'u', 'user', 'A', 'user-agent', 'e', 'referer', 'X', 'request', 'x', 'proxy', 'm', 'max-time', 'retry', 'retry-delay', 'retry-max-time', 'connect-timeout', 'w', 'write-out', 'C', 'continue-at', 'T', 'upload-file', 'cacert', 'capath', 'cert', 'key', 'E', 'b', 'cookie', 'c', 'cookie-jar', 'F', 'form', 'r', 'range', 'z', 'time-cond', 'K', 'config', 'output-dir', 'proto', 'proto-redir', 'resolve', 'interface', 'local-port', 'limit-rate', 'Y', 'y', 'speed-limit', 'speed-time', 'max-filesize', 'pinnedpubkey', 'tlsv1.2', 'tls-max', 'ciphers', 'netrc-file', 'data-binary', 'data-raw', 'data-urlencode', 'json', 'oauth2-bearer', 'variable', 'expand-url', 'url']);
const WGET_VALUE = new Set(['O', 'output-document', 'o', 'output-file', 'a', 'append-output', 'P', 'directory-prefix', 'U', 'user-agent', 't', 'tries', 'T', 'timeout', 'header', 'user', 'password', 'http-user', 'http-password', 'e', 'execute', 'ca-certificate', 'ca-directory', 'certificate', 'private-key', 'i', 'input-file', 'B', 'base', 'w', 'wait', 'Q', 'quota', 'post-data', 'post-file', 'method', 'body-data', 'limit-rate', 'progress', 'load-cookies', 'save-cookies', 'dns-timeout', 'connect-timeout', 'read-timeout', 'waitretry', 'referer']);

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
    const o = parseOptions(args, CURL_VALUE);
    const outputs = [...(o.values.get('o') ?? []), ...(o.values.get('output') ?? [])];
    const remoteName = o.flags.has('O') || o.flags.has('remote-name') || o.flags.has('remote-name-all');
    const urls = [...o.operands, ...(o.values.get('url') ?? [])].filter((w) => /^(https?|ftp):\/\//i.test(w.value) || (w.dynamic && !w.value.startsWith('-')));
    if (!urls.length) return undefined;
    const toStdout = !remoteName && (outputs.length === 0 || outputs.some((w) => w.value === '-' || w.value === '/dev/stdout'));
    return { cmd, urls, outputs: remoteName ? urls : outputs, toStdout };
  }
  if (cmd.name === 'wget') {
    const o = parseOptions(args, WGET_VALUE);
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
