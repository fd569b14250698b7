// ADD of a URL or git repository that BuildKit cannot verify.
import { dockerfileRule } from '../../dockerfile/rule';
import { addSourceKind, gitPinned } from '../../dockerfile/add';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/add-remote-checksum',
    target: 'dockerfile',
    title: 'Remote ADD without a checksum',
    severity: 'warning',
    description:
      'Reports `ADD <http(s) URL>` without `--checksum=sha256:…` and `ADD <git repository>` pinned neither by `--checksum=<commit>` nor by a full commit in the URL. Offers to insert `--checksum=sha256:` for you to complete with the digest.',
    rationale:
      'Without a checksum BuildKit takes whatever the server returns: a compromised or changed download (or a moved git tag) goes into the image unnoticed, and the layer cache may even keep a stale copy. With `--checksum` the build fails when the content differs.',
    remediation: 'Add the expected digest: `ADD --checksum=sha256:<digest> https://…/tool.tar.gz /tmp/` (compute it with `sha256sum`). For git, pin a commit: `ADD --checksum=<commit> https://github.com/org/repo.git#v1.2.3 /src`.',
    references: [
      { title: 'Dockerfile reference: ADD --checksum', url: 'https://docs.docker.com/reference/dockerfile/#add---checksum' },
      { title: 'moby/buildkit#975', url: 'https://github.com/moby/buildkit/issues/975' },
    ],
    fix: 'suggestion',
    standards: { cis: ['CIS Docker Benchmark 4.11: install verified packages only', 'CIS Docker Benchmark 4.12: ensure all signed artifacts are validated'] },
    messages: {
      url: '`ADD {{source}}` downloads without `--checksum`, so a changed or tampered file goes into the image unnoticed.',
      git: '`ADD {{source}}` clones a git ref that can move; pin it with `--checksum=<commit>` or a full commit hash.',
      insertChecksum: 'Insert `--checksum=sha256:` (then paste the digest)',
    },
    equivalents: [],
    examples: {
      bad: ['FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n'],
      good: ['FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'ADD' || target.flags.some((f) => f.name === 'checksum')) continue;
      const sources = (target.json ?? target.args).slice(0, -1);
      for (const src of sources) {
        const value = dockerfile.expand(node, src.value) ?? src.value;
        const kind = addSourceKind(value);
        if (kind !== 'url' && kind !== 'git') continue;
        if (kind === 'git' && gitPinned(value)) continue;
        const at = target.keywordSpan.end;
        report({
          messageId: kind,
          data: { source: value },
          range: file.rangeOf(src.start, src.end),
          ...(kind === 'url' ? { suggestions: [{ messageId: 'insertChecksum' as const, edits: [{ range: file.rangeOf(at, at), newText: ' --checksum=sha256:' }] }] } : {}),
        });
      }
    }
  },
});
