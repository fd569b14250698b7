// EXPOSE arguments Docker rejects or misreads.
import { dockerfileRule } from '../../dockerfile/rule';
import { parsePort } from '../../dockerfile/expose';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/valid-expose',
    target: 'dockerfile',
    title: 'Invalid EXPOSE',
    severity: 'error',
    description: 'Reports `EXPOSE` ports outside 0–65535 or with a reversed range, protocols other than `tcp`, `udp` and `sctp`, and host mappings (`8080:80`, `127.0.0.1:80:80`) that belong to `docker run -p`, not the image.',
    rationale: 'EXPOSE documents which ports the application listens on and feeds `docker run -P`, scanners and orchestrator tooling. A host mapping in the image pretends to decide host networking it cannot, and invalid ports fail or are silently ignored.',
    remediation: 'Write only the container port and protocol (`EXPOSE 8080/tcp`); choose host ports when running the container.',
    references: [
      { title: 'Dockerfile reference: EXPOSE', url: 'https://docs.docker.com/reference/dockerfile/#expose' },
      { title: 'BuildKit check: ExposeInvalidFormat', url: 'https://docs.docker.com/reference/build-checks/expose-invalid-format/' },
    ],
    messages: {
      outOfRange: 'Port `{{port}}` is outside the valid range 0–65535.',
      badProtocol: 'Protocol `{{protocol}}` is not `tcp`, `udp` or `sctp`.',
      hostMapping: '`{{port}}` maps a host address or port; EXPOSE takes only the container port (`{{container}}`).',
    },
    equivalents: ['hadolint:DL3011', 'trivy:DS-0008', 'buildkit:ExposeInvalidFormat'],
    examples: {
      bad: ['FROM alpine:3.20\nEXPOSE 80000\n', 'FROM alpine:3.20\nEXPOSE 8080:80\n'],
      good: ['FROM alpine:3.20\nEXPOSE 8080/tcp 53/udp 8000-8010\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const node of dockerfile.nodes) {
      if (node.keyword !== 'EXPOSE') continue;
      for (const w of node.args) {
        const expanded = dockerfile.expand(node, w.value);
        if (expanded === undefined) continue;
        const p = parsePort(expanded, w.start, w.end);
        const range = file.rangeOf(w.start, w.end);
        if (p.mapping) {
          report({ messageId: 'hostMapping', data: { port: expanded, container: expanded.slice(expanded.lastIndexOf(':') + 1) }, range });
        } else if (p.protocol !== undefined && !/^(tcp|udp|sctp)$/i.test(p.protocol)) {
          report({ messageId: 'badProtocol', data: { protocol: p.protocol }, range });
        } else if (p.low === undefined || p.high === undefined || p.high > 65535 || p.low > p.high) {
          if (expanded.split('/')[0] !== '') report({ messageId: 'outOfRange', data: { port: expanded.split('/')[0]! }, range });
        }
      }
    }
  },
});
