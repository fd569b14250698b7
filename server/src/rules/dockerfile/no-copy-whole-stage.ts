// COPY --from of another stage's (or image's) entire filesystem.
import { dockerfileRule } from '../../dockerfile/rule';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-copy-whole-stage',
    target: 'dockerfile',
    title: 'Entire filesystem copied from another stage',
    severity: 'warning',
    description:
      'Reports `COPY --from=<stage or image> / <dest>`, which copies the whole root filesystem of that stage or image, to any destination (hadolint DL3067 only reports the destination `/`). `ADD` and `COPY` without `--from` are not reported here.',
    rationale:
      'A multi-stage build exists to leave compilers, package caches, build secrets and shells behind. Copying a stage\'s `/` brings all of that into the final image, including anything a build step wrote to disk (tokens in `~/.npmrc`, `.git`, credentials in `/root`), and undoes a `scratch` or distroless base.',
    remediation: 'Copy only the built artefacts: `COPY --from=build /out/app /app`. To assemble a root filesystem on purpose, build it in a directory of its own (`/rootfs`) and copy that.',
    references: [
      { title: 'Docker: multi-stage builds', url: 'https://docs.docker.com/build/building/multi-stage/' },
      { title: 'hadolint DL3067', url: 'https://github.com/hadolint/hadolint/wiki/DL3067' },
    ],
    messages: {
      wholeStage: '`COPY --from={{stage}} /` copies the entire filesystem of `{{stage}}`; copy only the built artefacts.',
    },
    equivalents: ['hadolint:DL3067'],
    examples: {
      bad: ['FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build / /\n'],
      good: ['FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'COPY') continue;
      const from = target.flags.find((f) => f.name === 'from');
      if (from?.value === undefined) continue;
      for (const src of (target.json ?? target.args).slice(0, -1)) {
        // `/.` and `//` name the same root as `/`.
        if (/^\/+\.?\/*$/.test(src.value)) report({ messageId: 'wholeStage', data: { stage: from.value }, range: file.rangeOf(src.start, src.end) });
      }
    }
  },
});
