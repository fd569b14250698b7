// A pipeline whose earlier commands can fail without failing the RUN.
import type { TextEdit } from 'vscode-languageserver-types';
import { dockerfileRule } from '../../dockerfile/rule';
import type { Stage } from '../../dockerfile/model';
import { runScripts } from '../../dockerfile/query';
import { basename, enablesPipefail, isShellName, type ShCommand } from '../../dockerfile/shell';

// Producers that print or inspect local state (`dpkg -l | grep`, `find … | xargs`, `ldd | grep 'not found'`): the
// pipelines official images use as checks. Their failure is not what pipefail guards against, unlike a download or
// build step whose failure is masked by the consumer.
const HARMLESS = new Set([
  'echo', 'printf', 'cat', 'yes', 'true', 'printenv', 'env', 'seq', 'find', 'ldd', 'dpkg', 'dpkg-query', 'dpkg-architecture', 'apt-mark',
  'apt-cache', 'locale', 'grep', 'egrep', 'fgrep', 'awk', 'gawk', 'sed', 'sort', 'uniq', 'cut', 'tr', 'head', 'tail', 'ls', 'scanelf',
  'readelf', 'objdump', 'nm', 'file', 'xargs', 'uname', 'id', 'getent', 'jq', 'wc', 'stat', 'du', 'df', 'iptables', 'ip6tables', 'which',
]);
// `apk info`/`apk list` and `rpm -q` are queries too; `apk add` is not.
function harmless(cmd: ShCommand): boolean {
  if (cmd.name === 'apk') return cmd.argv.some((w) => w.value === 'info' || w.value === 'list');
  if (cmd.name === 'rpm') return cmd.argv.some((w) => /^-q/.test(w.value));
  return HARMLESS.has(cmd.name);
}

/** `set -o pipefail` (and `-eo`, `-Eeuo`, …) turns pipefail on for what follows; `set +o pipefail` turns it off. */
function pipefailSetting(cmd: ShCommand): boolean | undefined {
  if (cmd.name !== 'set') return undefined;
  const args = cmd.argv.slice(1).map((w) => w.value);
  return args.includes('pipefail') ? enablesPipefail(args) : undefined;
}

/** Inside `bash -o pipefail -c '…'` (or a shell nested in one). */
function underPipefailShell(cmd: ShCommand): boolean {
  for (let p = cmd.parent; p; p = p.parent) if (isShellName(p.name) && enablesPipefail(p.argv.slice(1).map((w) => w.value))) return true;
  return false;
}

function bashLikely(stage: Stage, shell: readonly string[], texts: string[]): boolean {
  const exe = basename(shell[0] ?? '');
  if (exe === 'bash' || exe === 'zsh') return true;
  let root: Stage = stage;
  while (root.parent) root = root.parent;
  const image = (root.image?.resolved ?? root.image?.text ?? '').toLowerCase();
  if (/alpine|busybox|distroless|scratch|chainguard|wolfi/.test(image)) return texts.some((t) => /\bapk add\b[^\n]*\bbash\b/.test(t));
  return /debian|ubuntu|bookworm|bullseye|trixie|jammy|noble|focal|centos|fedora|rocky|alma|ubi|rhel|amazonlinux|oraclelinux|python|node|golang|ruby|openjdk|eclipse-temurin|maven|gradle|php|rust|buildpack-deps|mcr\.microsoft\.com\/dotnet/.test(image) && !/alpine/.test(image);
}

export default dockerfileRule({
  meta: {
    id: 'dockerfile/pipefail',
    target: 'dockerfile',
    title: 'Pipe without pipefail',
    severity: 'warning',
    description:
      'Reports a shell-form `RUN` with a pipeline whose earlier command can fail unnoticed (`curl … | tar x`), when neither the stage\'s `SHELL` (`-o pipefail`, `-eo pipefail`, `-Eeuo pipefail`…), an enclosing `bash -o pipefail -c`, nor an earlier `set -o pipefail` (or `set -Eeuo pipefail`; `set +o pipefail` turns it off) in the same script enables pipefail. The message names the first command whose failure the pipe hides. Unlike hadolint DL4006, `SHELL ["/bin/sh", "-o", "pipefail", "-c"]` counts: a shell that accepts it runs with pipefail, one that rejects it fails loudly. Incomplete shell code (a pipe with nothing after it while typing) is not judged. Pipelines whose earlier commands only print or inspect local state (`echo`, `cat`, `find`, `ldd`, `dpkg -l`, `grep`, `awk`, `xargs`…, the checks official images run) are not reported, unlike hadolint DL4006; exec-form `RUN`, Windows shells and `RUN <<EOF` scripts that set pipefail are skipped. Offers `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` when the base image has bash, and a `set -o pipefail &&` prefix.',
    rationale:
      'A pipeline\'s status is its last command\'s: if the download in `curl -fsSL URL | tar -xz` fails, tar just sees an empty stream, the step "succeeds" and the image ships without the tool (or with a partial one).',
    remediation: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (bash images), or start the command with `set -o pipefail &&` (bash, ash/busybox; not Debian\'s dash).',
    references: [
      { title: 'hadolint DL4006', url: 'https://github.com/hadolint/hadolint/wiki/DL4006' },
      { title: 'Docker: using pipes', url: 'https://docs.docker.com/build/building/best-practices/#using-pipes' },
    ],
    fix: 'suggestion',
    messages: {
      noPipefail: 'If `{{first}}` fails, this pipeline still succeeds and the build goes on; enable pipefail for this RUN.',
      addShell: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN',
      prefixSet: 'Prefix the command with `set -o pipefail &&`',
    },
    equivalents: [],
    peerNotes: {
      'hadolint:DL4006':
        'warns on `SHELL ["/bin/sh", "-o", "pipefail", "-c"]`, which we accept: a `/bin/sh` that takes the option (busybox ash, bash as sh) runs the pipe with pipefail, and one that rejects it (dash) fails every RUN loudly, so nothing fails silently. It also reports pipelines whose earlier commands only print or inspect local state (`echo`, `cat`, `grep`…), which we do not.',
    },
    examples: {
      bad: ['FROM debian:12\nRUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /opt\n'],
      good: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /opt\n', 'FROM debian:12\nRUN echo "$SHA  /tmp/x" | sha256sum -c -\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const texts = dockerfile.nodes.map((n) => n.text);
    for (const { stage, node, script } of runScripts(dockerfile)) {
      const target = node.trigger ?? node;
      if (target.json) continue;
      const shell = dockerfile.shellOf(node);
      if (enablesPipefail(shell.slice(1))) continue;
      let enabled = false;
      // After an explicit `set +o pipefail`, neither SHELL nor a prefix would change anything: report without a fix.
      let turnedOff = false;
      for (const cmd of script.commands) {
        const setting = pipefailSetting(cmd);
        if (setting === false) turnedOff = true;
        enabled = setting ?? enabled;
        if (enabled || cmd.inSubstitution || underPipefailShell(cmd) || cmd.pipeIndex !== 0 || cmd.pipeline.elements.length < 2) continue;
        const firstElement = cmd.pipeline.elements[0] ?? [];
        if (!firstElement.includes(cmd)) continue;
        // The command whose failure the pipeline hides: the first producer that does more than print local state.
        const failing = cmd.pipeline.elements.slice(0, -1).flat().find((c) => !harmless(c));
        const last = cmd.pipeline.elements.flat().slice(-1)[0];
        if (!failing || !last) continue;
        const suggestions: { messageId: 'addShell' | 'prefixSet'; edits: TextEdit[] }[] = [];
        const lineStart = file.lineStartOffset(node.line);
        const indent = file.text.slice(lineStart, node.start);
        // Debian's /bin/sh (dash) rejects `set -o pipefail`, so bash images get the SHELL form instead.
        const bash = bashLikely(stage, shell, texts);
        if (!turnedOff && bash && !node.trigger && cmd.parent === undefined) {
          suggestions.push({ messageId: 'addShell', edits: [{ range: file.rangeOf(lineStart, lineStart), newText: `${indent}SHELL ["/bin/bash", "-o", "pipefail", "-c"]${file.eol}` }] });
        }
        if (!turnedOff && !bash && cmd.parent === undefined && target.heredocs.length === 0) {
          const at = file.positionAt(target.offsetOf(target.argsIndex));
          suggestions.push({ messageId: 'prefixSet', edits: [{ range: { start: at, end: at }, newText: 'set -o pipefail && ' }] });
        }
        report({ messageId: 'noPipefail', data: { first: failing.name || 'the first command' }, range: file.rangeOf(cmd.start, last.end), ...(suggestions.length ? { suggestions } : {}) });
      }
    }
  },
});
