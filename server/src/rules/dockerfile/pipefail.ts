// A pipeline whose earlier commands can fail without failing the RUN.
import type { TextEdit } from 'vscode-languageserver-types';
import { dockerfileRule } from '../../dockerfile/rule';
import { basename, type Stage } from '../../dockerfile/model';
import { runScripts } from '../../dockerfile/query';
import type { ShCommand } from '../../dockerfile/shell';

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

function setsPipefail(cmd: ShCommand): boolean {
  if (cmd.name !== 'set') return false;
  const args = cmd.argv.slice(1).map((w) => w.value);
  return args.some((a, i) => a === 'pipefail' && /^-[a-z]*o$/.test(args[i - 1] ?? '')) || args.some((a) => /^-[a-zA-Z]*o$/.test(a) && args[args.indexOf(a) + 1] === 'pipefail');
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
      'Reports a shell-form `RUN` with a pipeline whose earlier command can fail unnoticed (`curl … | tar x`), when neither the stage\'s `SHELL` nor an earlier `set -o pipefail` in the same script enables pipefail. Pipelines whose earlier commands only print or inspect local state (`echo`, `cat`, `find`, `ldd`, `dpkg -l`, `grep`, `awk`, `xargs`…, the checks official images run) are not reported, unlike hadolint DL4006; exec-form `RUN`, Windows shells and `RUN <<EOF` scripts that set pipefail are skipped. Offers `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` when the base image has bash, and a `set -o pipefail &&` prefix.',
    rationale:
      'A pipeline\'s status is its last command\'s: if the download in `curl -fsSL URL | tar -xz` fails, tar just sees an empty stream, the step "succeeds" and the image ships without the tool (or with a partial one).',
    remediation: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (bash images), or start the command with `set -o pipefail &&` (bash, ash/busybox; not Debian\'s dash).',
    references: [
      { title: 'hadolint DL4006', url: 'https://github.com/hadolint/hadolint/wiki/DL4006' },
      { title: 'Docker: using pipes', url: 'https://docs.docker.com/build/building/best-practices/#using-pipes' },
    ],
    fix: 'suggestion',
    messages: {
      noPipefail: 'If `{{first}}` fails, this pipeline still succeeds; enable pipefail for this RUN.',
      addShell: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN',
      prefixSet: 'Prefix the command with `set -o pipefail &&`',
    },
    equivalents: ['hadolint:DL4006'],
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
      if (shell.some((a, i) => a === 'pipefail' && shell[i - 1] === '-o') || shell.some((a) => /^-[a-z]*o$/.test(a) && shell.includes('pipefail'))) continue;
      let enabled = false;
      for (const cmd of script.commands) {
        if (setsPipefail(cmd)) enabled = true;
        if (enabled || cmd.inSubstitution || cmd.pipeIndex !== 0 || cmd.pipeline.elements.length < 2) continue;
        // A pipe with nothing after it (`curl … | && echo`, as while typing) is not a pipeline yet: not enough to judge.
        if (cmd.pipeline.elements.some((e) => e.length === 0)) continue;
        const firstElement = cmd.pipeline.elements[0] ?? [];
        if (!firstElement.includes(cmd)) continue;
        const producers = cmd.pipeline.elements.slice(0, -1).flat();
        if (producers.every(harmless)) continue;
        const last = cmd.pipeline.elements[cmd.pipeline.elements.length - 1]!.slice(-1)[0]!;
        const suggestions: { messageId: 'addShell' | 'prefixSet'; edits: TextEdit[] }[] = [];
        const lineStart = file.lineStartOffset(node.line);
        const indent = file.text.slice(lineStart, node.start);
        // Debian's /bin/sh (dash) rejects `set -o pipefail`, so bash images get the SHELL form instead.
        const bash = bashLikely(stage, shell, texts);
        if (bash && !node.trigger && cmd.parent === undefined) {
          suggestions.push({ messageId: 'addShell', edits: [{ range: file.rangeOf(lineStart, lineStart), newText: `${indent}SHELL ["/bin/bash", "-o", "pipefail", "-c"]${file.eol}` }] });
        }
        if (!bash && cmd.parent === undefined && target.heredocs.length === 0) {
          const at = file.positionAt(target.offsetOf(target.argsIndex));
          suggestions.push({ messageId: 'prefixSet', edits: [{ range: { start: at, end: at }, newText: 'set -o pipefail && ' }] });
        }
        report({ messageId: 'noPipefail', data: { first: cmd.name || 'the first command' }, range: file.rangeOf(cmd.start, last.end), ...(suggestions.length ? { suggestions } : {}) });
      }
    }
  },
});
