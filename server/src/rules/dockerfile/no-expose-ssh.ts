// Port 22 exposed.
import { dockerfileRule } from '../../dockerfile/rule';
import { parsePort } from '../../dockerfile/expose';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-expose-ssh',
    target: 'dockerfile',
    title: 'SSH port 22 exposed',
    severity: 'warning',
    description: 'Reports `EXPOSE 22` (any protocol, or a range that includes 22).',
    rationale: 'Exposing 22 advertises an SSH service and makes it easy to publish by accident (`docker run -P`). Containers should be entered through the runtime, not a daemon listening on the network.',
    remediation: 'Remove port 22 from `EXPOSE` and the SSH server from the image; use `docker exec`/`kubectl exec`.',
    references: [{ title: 'Checkov CKV_DOCKER_1', url: 'https://docs.prismacloud.io/en/enterprise-edition/policy-reference/docker-policies/docker-policy-index/ensure-port-22-is-not-exposed' }],
    standards: { cis: ['CIS Docker Benchmark 5.7: do not run ssh within containers'] },
    messages: {
      port22: 'Port 22 (SSH) is exposed; containers should be entered with `docker exec`/`kubectl exec`.',
    },
    equivalents: ['checkov:CKV_DOCKER_1', 'trivy:DS-0004'],
    examples: {
      bad: ['FROM alpine:3.20\nEXPOSE 22\n'],
      good: ['FROM alpine:3.20\nEXPOSE 8080\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const node of dockerfile.nodes) {
      if (node.keyword !== 'EXPOSE') continue;
      for (const w of node.args) {
        const p = parsePort(dockerfile.expand(node, w.value) ?? w.value, w.start, w.end);
        if (p.low !== undefined && p.high !== undefined && p.low <= 22 && 22 <= p.high) report({ messageId: 'port22', range: file.rangeOf(w.start, w.end) });
      }
    }
  },
});
