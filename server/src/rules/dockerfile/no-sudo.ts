// `sudo` inside RUN: builds already run as root or as a user chosen on purpose.
import { dockerfileRule } from '../../dockerfile/rule';
import { runCommands, wordRange } from '../../dockerfile/query';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-sudo',
    target: 'dockerfile',
    title: '`sudo` used in RUN',
    severity: 'warning',
    description: 'Reports `sudo` (and `doas`) run as a command in a `RUN`, including inside `sh -c`, subshells and heredoc scripts. Installing the `sudo` package is not reported.',
    rationale:
      'A build step runs as the current `USER`; reaching for `sudo` means the image keeps a sudo binary and a sudoers entry that lets the runtime user become root again, undoing the non-root user. Its TTY and environment handling also make builds behave unpredictably.',
    remediation: 'Run root-only steps before switching `USER` (or switch to `USER root` for them and back afterwards). Use `gosu`/`su-exec` in an entrypoint when a process must drop privileges at start-up.',
    references: [{ title: 'hadolint DL3004', url: 'https://github.com/hadolint/hadolint/wiki/DL3004' }],
    standards: { cis: ['CIS Docker Benchmark 4.1: create a user for the container'] },
    messages: {
      sudo: 'Do not use `{{name}}` in RUN; order the steps so root-only ones run before `USER`.',
    },
    equivalents: ['hadolint:DL3004', 'checkov:CKV2_DOCKER_1', 'trivy:DS-0010'],
    examples: {
      bad: ['FROM ubuntu:24.04\nRUN sudo apt-get update\n'],
      good: ['FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends sudo\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const { cmd } of runCommands(dockerfile)) {
      for (const w of cmd.words) {
        if (w === cmd.argv[0]) break;
        const name = w.value.replace(/^.*\//, '');
        if (name === 'sudo' || name === 'doas') report({ messageId: 'sudo', data: { name }, range: wordRange(file, w) });
      }
    }
  },
});
