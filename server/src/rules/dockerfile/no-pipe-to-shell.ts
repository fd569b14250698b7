// A script downloaded and executed in one step, never seen or verified.
import { dockerfileRule } from '../../dockerfile/rule';
import { downloadOf, isShellOrEval, readsScriptFromStdin } from '../../dockerfile/downloads';
import { runCommands } from '../../dockerfile/query';
import type { ShCommand } from '../../dockerfile/shell';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-pipe-to-shell',
    target: 'dockerfile',
    title: 'Remote script piped into a shell',
    severity: 'warning',
    description:
      'Reports a download executed without being saved and checked: `curl … | sh`, `wget -qO- … | bash`, `… | sudo python3 -`, `sh -c "$(curl …)"`, `eval "$(wget -O- …)"` and `bash <(curl …)`, including inside `sh -c` and heredoc scripts.',
    rationale:
      'Whatever the server sends at build time runs as root in the build, with no record of what it was and no way to verify it. A compromised host, a hijacked domain or a partial download (the pipe runs the truncated script) all become code execution in your image.',
    remediation: 'Download to a file, verify it against a published checksum or signature, then run it: `curl -fsSLo install.sh https://… && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`. Better, install a pinned package or copy the tool from an official image.',
    references: [
      { title: 'hadolint#282: enforce checksums for curl/wget', url: 'https://github.com/hadolint/hadolint/issues/282' },
      { title: 'ShellCheck#1794: curl piped to sh', url: 'https://github.com/koalaman/shellcheck/issues/1794' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.11: install verified packages only'] },
    messages: {
      piped: '`{{downloader}}` output is piped straight into `{{shell}}`; download, verify, then run it.',
      substituted: '`{{shell}}` runs a script fetched by `{{downloader}}` without verifying it; download, verify, then run it.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n', 'FROM debian:12\nRUN sh -c "$(wget -qO- https://example.com/install.sh)"\n'],
      good: ['FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const downloaderIn = (cmds: readonly ShCommand[]): ShCommand | undefined => cmds.find((c) => downloadOf(c)?.toStdout);
    for (const { cmd } of runCommands(dockerfile)) {
      const head = cmd.argv[0];
      if (!head || !isShellOrEval(cmd)) continue;
      // Piped: an earlier element of the same pipeline downloads to stdout. The range runs from the download to the
      // shell, so the whole `curl … | sh` is underlined.
      if (cmd.pipeIndex > 0 && readsScriptFromStdin(cmd)) {
        const downloader = downloaderIn(cmd.pipeline.elements.slice(0, cmd.pipeIndex).flat());
        if (downloader) {
          report({ messageId: 'piped', data: { downloader: downloader.name, shell: head.value }, range: file.rangeOf(downloader.start, cmd.end) });
          continue;
        }
      }
      // Substituted: `sh -c "$(curl …)"`, `eval "$(curl …)"`, `bash <(curl …)`: the whole command.
      for (const w of cmd.argv.slice(1)) {
        const downloader = w.substitutions.map((s) => downloaderIn(s.commands)).find(Boolean);
        if (downloader) {
          report({ messageId: 'substituted', data: { downloader: downloader.name, shell: head.value }, range: file.rangeOf(cmd.start, cmd.end) });
          break;
        }
      }
    }
  },
});
