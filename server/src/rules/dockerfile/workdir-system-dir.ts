// WORKDIR pointing at a system directory.
import { dockerfileRule } from '../../dockerfile/rule';

const SYSTEM = /^\/(proc|sys|dev|boot|bin|sbin|lib|lib32|lib64|libx32|etc|usr\/bin|usr\/sbin|usr\/lib|run|var\/run|lost\+found|initrd)(\/|$)/;

export default dockerfileRule({
  meta: {
    id: 'dockerfile/workdir-system-dir',
    target: 'dockerfile',
    title: 'WORKDIR set to a system directory',
    severity: 'warning',
    description: 'Reports `WORKDIR` set to `/proc`, `/sys`, `/dev`, `/boot`, `/etc`, `/bin`, `/sbin`, `/lib*`, `/usr/bin`, `/usr/sbin`, `/usr/lib`, `/run` or below them (after substituting known variables); a superset of Trivy DS-0030. Windows images are skipped.',
    rationale: 'Relative `COPY`, `RUN` and application writes land in the working directory; in a system directory they can overwrite binaries, libraries or kernel interfaces, and the application gets write access where it should have none.',
    remediation: 'Use a dedicated directory such as `WORKDIR /app` (owned by the runtime user if it needs to write).',
    references: [{ title: 'Dockerfile reference: WORKDIR', url: 'https://docs.docker.com/reference/dockerfile/#workdir' }],
    messages: {
      systemDir: '`WORKDIR {{path}}` is a system directory; use a dedicated one such as `/app`.',
    },
    equivalents: ['trivy:DS-0030'],
    examples: {
      bad: ['FROM alpine:3.20\nWORKDIR /usr/bin\n'],
      good: ['FROM alpine:3.20\nWORKDIR /app\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      if (stage.windows) continue;
      for (const node of stage.nodes) {
        if (node.keyword !== 'WORKDIR' || !node.args[0]) continue;
        const w = node.args[0];
        const path = (dockerfile.expand(node, w.value) ?? w.value).replace(/\/+$/, '') || '/';
        if (SYSTEM.test(path)) report({ messageId: 'systemDir', data: { path }, range: file.rangeOf(w.start, node.args[node.args.length - 1]!.end) });
      }
    }
  },
});
