// Recognises download commands and where their output goes.
import { toolOptions } from './options';
import type { DockerfileModel, InstructionNode, Stage } from './model';
import { runScripts } from './query';
import { basename, isShellName, type ShCommand, type ShWord } from './shell';

export interface Download {
  cmd: ShCommand;
  urls: ShWord[];
  /** Where the body goes: the output words (`-o f`, `-O f`, `> f`), or the URLs for `-O`/remote names. */
  outputs: ShWord[];
  /** The body goes to stdout (a pipe or a substitution), not to a file. */
  toStdout: boolean;
  /** Names of the files written (the output path, or the URL's last segment for remote names). */
  files: string[];
  /** The tool checks the content itself (`aria2c --checksum=sha-256=…`). */
  checked: boolean;
}

const URL_RE = /^(https?|ftp):\/\//i;
const isUrlWord = (w: ShWord): boolean => URL_RE.test(w.value) || (w.dynamic && !w.value.startsWith('-') && /^["']?\$|:\/\//.test(w.value));

/** The file name a URL is saved under by `curl -O`, `wget` and `aria2c` without an output name. */
export function remoteName(url: string): string {
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `curl … > file`: the stdout redirection of the download command, if any. */
function stdoutRedirect(cmd: ShCommand): ShWord | undefined {
  const r = cmd.redirects.find((x) => (x.op === '>' || x.op === '>>' || x.op === '>|' || x.op === '&>') && (x.fd === undefined || x.fd === '1') && x.target);
  return r?.target && r.target.value !== '/dev/null' ? r.target : undefined;
}

function finish(cmd: ShCommand, urls: ShWord[], outputs: ShWord[], stdout: boolean, checked = false): Download {
  const redirect = stdout ? stdoutRedirect(cmd) : undefined;
  const written = redirect ? [redirect] : stdout ? [] : outputs;
  const files = written.map((w) => (URL_RE.test(w.value) ? remoteName(w.value) : w.value)).filter((f) => f !== '');
  return { cmd, urls, outputs: redirect ? [redirect] : outputs, toStdout: stdout && !redirect, files, checked };
}

export function downloadOf(cmd: ShCommand): Download | undefined {
  const args = cmd.argv.slice(1);
  if (cmd.name === 'curl') {
    const o = toolOptions('curl', args);
    // `-I`/`--head` and `--spider`-like probes fetch no body.
    if (o.flags.has('I') || o.flags.has('head')) return undefined;
    const outputs = [...(o.values.get('o') ?? []), ...(o.values.get('output') ?? [])];
    const remote = o.flags.has('O') || o.flags.has('remote-name') || o.flags.has('remote-name-all');
    const urls = [...o.operands, ...(o.values.get('url') ?? [])].filter(isUrlWord);
    if (!urls.length) return undefined;
    const stdout = !remote && (outputs.length === 0 || outputs.some((w) => w.value === '-' || w.value === '/dev/stdout'));
    return finish(cmd, urls, remote ? urls : outputs, stdout);
  }
  if (cmd.name === 'wget') {
    const o = toolOptions('wget', args);
    if (o.flags.has('spider')) return undefined;
    const outputs = [...(o.values.get('O') ?? []), ...(o.values.get('output-document') ?? [])];
    const urls = o.operands.filter(isUrlWord);
    if (!urls.length) return undefined;
    const stdout = outputs.some((w) => w.value === '-' || w.value === '/dev/stdout');
    return finish(cmd, urls, outputs.length ? outputs : urls, stdout);
  }
  if (cmd.name === 'aria2c') {
    const o = toolOptions('aria2c', args);
    const outputs = [...(o.values.get('o') ?? []), ...(o.values.get('out') ?? [])];
    const urls = o.operands.filter(isUrlWord);
    if (!urls.length) return undefined;
    return finish(cmd, urls, outputs.length ? outputs : urls, false, o.flags.has('checksum'));
  }
  return undefined;
}

/** Interpreters that run a script read from stdin when given no script argument. */
const isInterpreter = (name: string): boolean => isShellName(name) || /^(python[0-9.]*|perl|ruby|node|php)$/.test(name);

export function readsScriptFromStdin(cmd: ShCommand): boolean {
  if (!isInterpreter(cmd.name)) return false;
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '-' || v === '-s' || v === '--') return true;
    if (v === '-c' || v === '-e' || v === '-m' || (/^-[a-z]*c[a-z]*$/.test(v) && isShellName(cmd.name))) return false;
    if (v === '-o' || v === '+o') {
      i++;
      continue;
    }
    if (!v.startsWith('-') && !v.startsWith('+')) return false;
  }
  return true;
}

export function isShellOrEval(cmd: ShCommand): boolean {
  return isInterpreter(cmd.name) || cmd.name === 'eval' || cmd.name === 'source' || cmd.name === '.';
}

// ---------------------------------------------------------------------------------------------------------------
// Which downloads a later check verifies: each check is tied to the files it names.

const SUMS = /^(sha(1|224|256|384|512)sum|md5sum|b2sum|shasum|cksum)$/;
// Downloads that are themselves the verification material.
const VERIFICATION_FILE = /(\.(asc|sig|sign|minisig|sha\d*|sha\d*sum|md5|gpg|pub|key|pem|crt|cer|intoto\.jsonl)|SHA\d*SUMS(\.txt)?|checksums?(\.txt)?|KEYS)(\?.*)?$/i;

/** What a check reads: its words, the words of the commands feeding it (`echo "$SHA  f" |`), here-strings and heredocs. */
function checkedText(cmd: ShCommand): string {
  const feeders = cmd.pipeline.elements.slice(0, cmd.pipeIndex).flat();
  const words = [cmd, ...feeders].flatMap((c) => [...c.argv, ...c.redirects.flatMap((r) => (r.target ? [r.target] : []))].map((w) => w.value));
  const heredocs = cmd.redirects.flatMap((r) => (r.heredoc ? [r.heredoc.content] : []));
  return [...words, ...heredocs].join('\n');
}

/** `sha256sum -c SHA256SUMS` or `gpg --verify SHASUMS.asc`: a list of checksums whose entries we cannot see. */
function listOperand(cmd: ShCommand): boolean {
  return cmd.argv.slice(1).some((w) => /(SUMS|checksums?)(\.txt)?(\.(asc|sig|gpg))?$/i.test(w.value) || /\.(sha\d*|sha\d*sum|md5)$/i.test(w.value));
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s/*"'=:])${escaped}($|[\\s"'.$\\\\])`, 'm').test(text);
}

function isVerification(cmd: ShCommand): boolean {
  const args = cmd.argv.slice(1).map((w) => w.value);
  if (SUMS.test(cmd.name)) return args.some((a) => a === '-c' || a === '--check' || /^-[a-z]*c[a-z]*$/.test(a) && cmd.name !== 'cksum');
  if (cmd.name === 'gpg' || cmd.name === 'gpg2') return args.some((a) => a === '--verify' || a === '--verify-files' || a === '--decrypt' && args.includes('--output') === false);
  if (cmd.name === 'gpgv' || cmd.name === 'gpgv2' || cmd.name === 'slsa-verifier' || cmd.name === 'sigstore-verify') return true;
  if (cmd.name === 'cosign') return args.some((a) => a.startsWith('verify'));
  if (cmd.name === 'minisign' || cmd.name === 'signify') return args.includes('-V');
  if (cmd.name === 'openssl') return args.includes('-verify');
  if (cmd.name === 'gh') return args.includes('attestation') && args.includes('verify');
  if (cmd.name === 'rpm') return args.some((a) => a === '-K' || a === '--checksig');
  if (cmd.name === 'ssh-keygen') return args.includes('-Y') && args.includes('verify');
  return false;
}

/** A download of the verification material itself: a signature, a checksum list or a key. */
export function isVerificationMaterial(d: Download): boolean {
  return d.urls.every((u) => VERIFICATION_FILE.test(u.value)) || d.outputs.some((o) => VERIFICATION_FILE.test(o.value));
}

export interface StageDownload {
  download: Download;
  stage: Stage;
  run: InstructionNode;
  /**
   * A later check in the stage names the downloaded file (`echo "$SHA  t.tgz" | sha256sum -c -`, `gpg --verify
   * t.tgz.asc t.tgz`), or reads a checksum list in the same RUN (`sha256sum -c SHA256SUMS`). A check of another file
   * does not count.
   */
  verified: boolean;
}

const stageDownloadCache = new WeakMap<DockerfileModel, StageDownload[]>();

/** Every download command of every RUN, in file order, with whether a later check verifies what it wrote. */
export function stageDownloads(model: DockerfileModel): StageDownload[] {
  const cached = stageDownloadCache.get(model);
  if (cached) return cached;
  const out: StageDownload[] = [];
  for (const stage of model.stages) {
    const cmds = runScripts(model).filter((r) => r.stage === stage).flatMap((r) => r.script.commands.map((cmd) => ({ cmd, run: r.node })));
    const checks = cmds.flatMap((c, at) => (isVerification(c.cmd) ? [{ ...c, at, text: checkedText(c.cmd), list: listOperand(c.cmd) }] : []));
    cmds.forEach(({ cmd, run }, index) => {
      const download = downloadOf(cmd);
      if (!download) return;
      const names = download.files.map(basename).filter((n) => n !== '' && n !== '-');
      // A name only the shell knows (`wget -O "$f"` inside a helper function): any later check may be the one.
      const unknownName = names.some((n) => n.includes('$') && model.expand(run, n) === undefined);
      const verified = !download.toStdout && checks.some((c) => c.at > index && (unknownName || names.some((n) => mentions(c.text, n)) || (c.list && c.run === run)));
      out.push({ download, stage, run, verified });
    });
  }
  stageDownloadCache.set(model, out);
  return out;
}
