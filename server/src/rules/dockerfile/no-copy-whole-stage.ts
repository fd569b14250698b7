// COPY --from of another stage's (or image's) entire filesystem.
import { dockerfileRule } from '../../dockerfile/rule';
import type { DockerfileModel, InstructionNode } from '../../dockerfile/model';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-copy-whole-stage',
    target: 'dockerfile',
    title: 'Entire filesystem copied from another stage',
    severity: 'warning',
    description:
      'Reports `COPY --from=<stage or image> / <dest>`, which copies the whole root filesystem of that stage or image, to any destination (hadolint DL3067 only reports the destination `/`). `ADD` and `COPY` without `--from` are not reported here. Not reported either: copying `/` from a stage built `FROM scratch` that only collects build output (its instructions are `COPY`, `ARG`, `LABEL`, `ENV`, `WORKDIR`), since that root holds nothing but the artefacts; hadolint DL3067 reports it when the destination is `/`.',
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
    equivalents: [],
    peerNotes: {
      'hadolint:DL3067':
        'reports the root of a `FROM scratch` stage that only collects build output when the destination is `/`; that root holds nothing but the artefacts, and we do not report it. It also reports only the destination `/`, where we report a source `/` copied to any destination.',
    },
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
      const name = dockerfile.expand(node, from.value) ?? from.value;
      if (buildOutputStage(dockerfile, node, name)) continue;
      for (const src of (target.json ?? target.args).slice(0, -1)) {
        // `/.` and `//` name the same root as `/`.
        if (/^\/+\.?\/*$/.test(src.value)) report({ messageId: 'wholeStage', data: { stage: name }, range: file.rangeOf(src.start, src.end) });
      }
    }
  },
});

/**
 * A stage `FROM scratch` that only collects build output (`COPY --from=build /out/app /`): its `/` is exactly those
 * artefacts, the export pattern of `docker build --output` and of binaries assembled for a final image.
 */
function buildOutputStage(model: DockerfileModel, at: InstructionNode, name: string): boolean {
  const before = model.stages.filter((s) => s.fromNode && s.fromNode.start < at.start);
  const stage = /^\d+$/.test(name) ? model.stages.filter((s) => !s.implicit)[Number(name)] : [...before].reverse().find((s) => s.name === name.toLowerCase());
  if (!stage?.fromNode || stage.image || stage.parent || stage.fromNode.args[0]?.value.toLowerCase() !== 'scratch') return false;
  return stage.nodes.every((n) => COLLECT.has(n.keyword));
}

const COLLECT = new Set(['COPY', 'ARG', 'LABEL', 'ENV', 'WORKDIR']);
