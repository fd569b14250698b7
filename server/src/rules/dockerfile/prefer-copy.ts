// ADD used for plain local files, where COPY does the same without ADD's extra behaviour.
import type { TextEdit } from 'vscode-languageserver-types';
import { dockerfileRule } from '../../dockerfile/rule';
import { addSourceKind } from '../../dockerfile/add';

// Flags only ADD understands; the fix drops them because COPY would reject them.
const ADD_ONLY = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default dockerfileRule({
  meta: {
    id: 'dockerfile/prefer-copy',
    target: 'dockerfile',
    title: 'ADD used for local files',
    severity: 'warning',
    description:
      'Reports `ADD` with a source that is a local file or directory (or a heredoc). Local tar archives (`.tar`, `.tar.gz`, `.tgz`, `.gz`, `.bz2`, `.xz`, `.zst`, …) are not reported, since extracting them is what ADD is for, and URLs and git sources are left to `dockerfile/add-remote-checksum`. Variables set by ARG/ENV are substituted first. When the same ADD also has an archive or URL source, or a source named by an unknown variable, the finding has no fix, because COPY would change what happens to the others. As hadolint DL3020, one plain file among archives is reported; unlike it, `git@…` sources are not.',
    rationale:
      'ADD also fetches URLs and silently extracts archives, so a reader (and a later edit that renames a file to `.tar.gz`) cannot tell what lands in the image. COPY only copies, which is what the instruction means here.',
    remediation: 'Use `COPY` for local files. Keep `ADD` for extracting a local archive, and for remote sources use `ADD --checksum`.',
    references: [
      { title: 'Docker: ADD or COPY', url: 'https://docs.docker.com/build/building/best-practices/#add-or-copy' },
      { title: 'hadolint DL3020', url: 'https://github.com/hadolint/hadolint/wiki/DL3020' },
    ],
    fix: 'safe',
    standards: { cis: ['CIS Docker Benchmark 4.9: use COPY instead of ADD in Dockerfiles'] },
    messages: {
      useCopy: 'Use `COPY` instead of `ADD` for local files.',
      replaceWithCopy: 'Replace `ADD` with `COPY`',
    },
    equivalents: ['hadolint:DL3020', 'trivy:DS-0005'],
    peerNotes: {
      'checkov:CKV_DOCKER_4': 'fails every `ADD`, including the extraction of a local archive, URLs and git sources, which `COPY` cannot replace; we report only the ADDs that `COPY` can replace.',
    },
    examples: {
      bad: ['FROM alpine:3.20\nADD app.py /app/\n'],
      good: ['FROM alpine:3.20\nCOPY app.py /app/\nADD rootfs.tar.gz /\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'ADD') continue;
      const sources = (target.json ?? target.args).slice(0, -1);
      if (!sources.length) continue;
      const kinds = sources.map((s) => addSourceKind(dockerfile.expand(node, s.value) ?? s.value));
      // Only plain local files and heredocs are COPY's job; URLs, git sources and local archives (extracted) are ADD's.
      if (!kinds.some((k) => k === 'local' || k === 'heredoc' || k === 'dynamic')) continue;
      const range = file.rangeOf(target.keywordSpan.start, target.keywordSpan.end);
      const keyword = file.text.slice(target.keywordSpan.start, target.keywordSpan.end);
      const edits: TextEdit[] = [{ range, newText: keyword === keyword.toLowerCase() ? 'copy' : 'COPY' }];
      for (const f of target.flags) {
        if (!ADD_ONLY.has(f.name)) continue;
        let start = f.start;
        while (start > 0 && (file.text[start - 1] === ' ' || file.text[start - 1] === '\t')) start--;
        edits.push({ range: file.rangeOf(start, f.end), newText: '' });
      }
      // With an archive or URL among the sources, COPY would stop extracting or fetching them: report without a fix.
      const safe = kinds.every((k) => k === 'local' || k === 'heredoc');
      report({ messageId: 'useCopy', range, ...(safe ? { fix: { messageId: 'replaceWithCopy', edits } } : {}) });
    }
  },
});
