// Instructions before any FROM: BuildKit refuses the file, and every other rule checks them as an unknown-base stage.
import { dockerfileRule } from '../../dockerfile/rule';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/missing-from',
    target: 'dockerfile',
    title: 'Instruction before the first FROM',
    severity: 'error',
    description:
      'Reports the first instruction other than `ARG` that comes before any `FROM`, once per file, as BuildKit stops there with "no build stage in current context". The other rules still check those instructions, as a stage whose base image is unknown, so a half-typed file or a fragment gets its findings while it is written.',
    rationale:
      'Only `ARG` (and parser directives and comments) may precede the first `FROM`; anything else makes `docker build` fail before a single step runs. In the editor this is usually a file being written; in a repository it is a fragment that something else assembles, or a mistake.',
    remediation: 'Start the file with `FROM <image>` (only global `ARG`s may come before it), or, for a fragment that a script concatenates, keep it under a name that is not a Dockerfile name.',
    references: [
      { title: 'Dockerfile reference: FROM', url: 'https://docs.docker.com/reference/dockerfile/#from' },
      { title: 'Dockerfile reference: understand how ARG and FROM interact', url: 'https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact' },
    ],
    messages: {
      beforeFrom: '`{{keyword}}` comes before any `FROM`: BuildKit stops with "no build stage in current context". Start the file with `FROM <image>`.',
    },
    // DL3061 fires on every instruction before the first FROM; we report the first one only, since one FROM fixes all.
    equivalents: ['hadolint:DL3061'],
    examples: {
      bad: ['RUN apt-get update\nFROM debian:12\n', 'LABEL maintainer=me\n'],
      good: ['ARG BASE=debian:12\nFROM ${BASE}\nRUN true\n', '# syntax=docker/dockerfile:1\nFROM debian:12\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const stage = dockerfile.stages[0];
    if (!stage?.implicit) return;
    const node = stage.firstNode;
    const keyword = file.text.slice(node.keywordSpan.start, node.keywordSpan.end);
    report({ messageId: 'beforeFrom', data: { keyword }, range: file.rangeOf(node.keywordSpan.start, node.keywordSpan.end) });
  },
});
