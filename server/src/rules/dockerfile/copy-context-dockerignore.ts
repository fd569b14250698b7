// The whole build context copied with no .dockerignore to keep secrets and junk out.
import { dockerfileRule } from '../../dockerfile/rule';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/copy-context-dockerignore',
    target: 'dockerfile',
    title: 'Whole build context copied without .dockerignore',
    severity: 'warning',
    description:
      'Reports `COPY`/`ADD` of the whole build context (`.`, `./`, `*`) when there is no `.dockerignore` next to the Dockerfile. The editor and CLI tell the engine whether a `.dockerignore` exists; without that information the rule stays quiet. Copying a stage\'s whole filesystem is `dockerfile/no-copy-whole-stage`.',
    rationale:
      'Copying the context without a `.dockerignore` puts everything in the folder into the image: `.git` history, `.env` files, cloud credentials, local databases.',
    remediation: 'Add a `.dockerignore` (start with `.git`, `.env*`, `**/*.pem`, `node_modules`, build output) or copy only what the image needs (`COPY package.json src/ ./`).',
    references: [
      { title: 'Docker: .dockerignore files', url: 'https://docs.docker.com/build/concepts/context/#dockerignore-files' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.10: do not store secrets in Dockerfiles'] },
    messages: {
      noDockerignore: '`{{keyword}} {{source}}` copies the whole build context and there is no `.dockerignore` next to this Dockerfile.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nCOPY . .\n'],
      good: ['FROM node:22.11-bookworm-slim\nCOPY package.json package-lock.json ./\n'],
      options: { context: { hasDockerignore: false } },
    },
  },
  check({ file, dockerfile, options, report }) {
    const context = options.context as { hasDockerignore?: boolean } | undefined;
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'COPY' && target.keyword !== 'ADD') continue;
      const sources = (target.json ?? target.args).slice(0, -1);
      // `--from` copies from a stage or image, not from the build context.
      if (target.flags.some((f) => f.name === 'from')) continue;
      for (const src of sources) {
        if (context?.hasDockerignore === false && /^(\.|\.\/|\*|\.\/\*)$/.test(src.value)) {
          report({ messageId: 'noDockerignore', data: { keyword: target.keyword, source: src.value }, range: file.rangeOf(src.start, src.end) });
        }
      }
    }
  },
});
