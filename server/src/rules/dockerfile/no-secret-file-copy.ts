// COPY/ADD of a file that holds credentials.
import { dockerfileRule } from '../../dockerfile/rule';
import { secretFileKind } from '../../dockerfile/secrets';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-secret-file-copy',
    target: 'dockerfile',
    title: 'Secret file copied into the image',
    severity: 'error',
    description:
      'Reports `COPY`/`ADD` sources that are credential files: `.env` (not `.env.example`), SSH private keys and `.ssh/`, `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.aws/`, Docker and Kubernetes configs, cloud credential JSON, `*.key`, `*.p12`, `*.pfx`, keystores and `*.pem` files that are not certificates.',
    rationale:
      'A copied file stays in its layer even if a later RUN deletes it, so anyone who pulls the image (or a build stage\'s cache) can read it. `.npmrc` and `.pypirc` copied "just for the install" are a classic token leak.',
    remediation: 'Mount the file for the one step that needs it: `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, built with `--secret id=npmrc,src=.npmrc`. List credential files in `.dockerignore`.',
    references: [
      { title: 'Docker: build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
      { title: 'Docker: .dockerignore', url: 'https://docs.docker.com/build/concepts/context/#dockerignore-files' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.10: do not store secrets in Dockerfiles'] },
    messages: {
      secretFile: '`{{path}}` is {{what}}; it stays in the image layer. Mount it with `RUN --mount=type=secret` instead.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nCOPY .npmrc package.json ./\n', 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n'],
      good: ['FROM node:22.11-bookworm-slim\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'COPY' && target.keyword !== 'ADD') continue;
      const sources = target.json ? target.json.slice(0, -1) : target.args.slice(0, -1);
      for (const src of sources) {
        if (src.value.startsWith('<<') || /^[a-z]+:\/\//i.test(src.value)) continue;
        const what = secretFileKind(src.value);
        if (what) report({ messageId: 'secretFile', data: { path: src.value, what }, range: file.rangeOf(src.start, src.end) });
      }
    }
  },
});
