// The whole build context copied with no .dockerignore to keep secrets and junk out.
import { dockerfileRule } from '../../core/types';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/copy-context-dockerignore',
    target: 'dockerfile',
    title: 'Whole build context copied without .dockerignore',
    severity: 'warning',
    description:
      'Reports `COPY`/`ADD` of the whole build context (`.`, `./`, `*`) when there is no `.dockerignore` next to the Dockerfile, and `COPY --from=<stage> / …` that copies a stage\'s entire filesystem. The editor and CLI tell the engine whether a `.dockerignore` exists; without that information the first check stays quiet.',
    rationale:
      'Copying the context without a `.dockerignore` puts everything in the folder into the image: `.git` history, `.env` files, cloud credentials, local databases. Copying a stage\'s `/` drags its package caches, build tools and secrets into the final image.',
    remediation: 'Add a `.dockerignore` (start with `.git`, `.env*`, `**/*.pem`, `node_modules`, build output) or copy only what the image needs (`COPY package.json src/ ./`). From a build stage, copy only the built artefacts.',
    references: [
      { title: 'Docker: .dockerignore files', url: 'https://docs.docker.com/build/concepts/context/#dockerignore-files' },
      { title: 'hadolint DL3067', url: 'https://github.com/hadolint/hadolint/wiki/DL3067' },
    ],
    messages: {
      noDockerignore: '`{{keyword}} {{source}}` copies the whole build context and there is no `.dockerignore` next to this Dockerfile.',
      wholeStage: '`COPY --from={{stage}} /` copies the entire filesystem of that stage; copy only the built artefacts.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nCOPY --from=node:22.11-bookworm-slim / /\n'],
      good: ['FROM node:22.11-bookworm-slim\nCOPY package.json package-lock.json ./\n'],
    },
  },
  check({ file, dockerfile, options, report }) {
    const context = options.context as { hasDockerignore?: boolean } | undefined;
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'COPY' && target.keyword !== 'ADD') continue;
      const sources = (target.json ?? target.args).slice(0, -1);
      const from = target.flags.find((f) => f.name === 'from');
      for (const src of sources) {
        if (from) {
          if (src.value === '/' && from.value !== undefined) report({ messageId: 'wholeStage', data: { stage: from.value }, range: file.rangeOf(src.start, src.end) });
          continue;
        }
        if (context?.hasDockerignore === false && /^(\.|\.\/|\*|\.\/\*)$/.test(src.value)) {
          report({ messageId: 'noDockerignore', data: { keyword: target.keyword, source: src.value }, range: file.rangeOf(src.start, src.end) });
        }
      }
    }
  },
});
