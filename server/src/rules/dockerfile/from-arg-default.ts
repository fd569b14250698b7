// FROM names its image through a build argument that has no usable default.
import { dockerfileRule } from '../../dockerfile/rule';

// BuildKit defines these for every build; they never come from the Dockerfile.
const AUTOMATIC = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

export default dockerfileRule({
  meta: {
    id: 'dockerfile/from-arg-default',
    target: 'dockerfile',
    title: 'FROM uses a build argument without a safe default',
    severity: 'warning',
    description:
      'Reports a variable in a `FROM` image that is not declared by an `ARG` before the first `FROM`, or is declared without a default (or with an empty one). `${VAR:-default}` supplies its own default.',
    rationale:
      'Without a default, the base image is whatever the person or CI job running the build passes with `--build-arg`, and a build without it fails or pulls an unintended image. A pinned default keeps the reviewed image the one that is built.',
    remediation: 'Declare the argument before the first `FROM` with a pinned default: `ARG BASE=node:22.11-bookworm-slim` then `FROM ${BASE}`.',
    references: [
      { title: 'BuildKit check: UndefinedArgInFrom', url: 'https://docs.docker.com/reference/build-checks/undefined-arg-in-from/' },
      { title: 'BuildKit check: InvalidDefaultArgInFrom', url: 'https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.2: use trusted base images'] },
    messages: {
      undeclared: '`{{name}}` is not declared with `ARG` before the first `FROM`, so the base image comes only from `--build-arg`.',
      noDefault: '`ARG {{name}}` has no default, so the base image comes only from `--build-arg`; give it a pinned default.',
    },
    equivalents: ['buildkit:UndefinedArgInFrom', 'buildkit:InvalidDefaultArgInFrom'],
    examples: {
      bad: ['ARG BASE\nFROM ${BASE}\n', 'FROM ${IMAGE}:1.0\n'],
      good: ['ARG BASE=node:22.11-bookworm-slim\nFROM ${BASE}\n', 'FROM --platform=$BUILDPLATFORM golang:1.23\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const word = stage.fromNode?.args[0];
      if (!word || !word.raw.includes('$')) continue;
      const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
      const exact = word.raw === word.value;
      for (const m of word.value.matchAll(re)) {
        const name = (m[1] ?? m[3])!;
        if (AUTOMATIC.has(name) || (m[2] && m[2].includes('-'))) continue;
        const start = exact ? word.start + m.index : word.start;
        const range = file.rangeOf(start, exact ? start + m[0].length : word.end);
        if (!dockerfile.globalArgs.has(name)) report({ messageId: 'undeclared', data: { name }, range });
        else if (!dockerfile.globalArgs.get(name)) report({ messageId: 'noDefault', data: { name }, range });
      }
    }
  },
});
