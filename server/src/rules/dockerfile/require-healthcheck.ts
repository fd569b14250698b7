// The final image declares no HEALTHCHECK.
import { dockerfileRule } from '../../dockerfile/rule';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/require-healthcheck',
    target: 'dockerfile',
    title: 'No HEALTHCHECK in the final stage',
    severity: 'info',
    enabledByDefault: false,
    description: 'Reports a final stage (with the stages it builds on) that has no `HEALTHCHECK`. Off by default: Kubernetes ignores `HEALTHCHECK` and uses probes, so this matters only for images run by Docker or Swarm.',
    rationale: 'Without a health check Docker only knows whether the process exists, not whether it serves; a hung application stays "running" and is never restarted or removed from a Swarm service.',
    remediation: 'Add a check that exercises the service: `HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck"]`, or `HEALTHCHECK NONE` to state that none applies.',
    references: [{ title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' }],
    standards: { cis: ['CIS Docker Benchmark 4.6: add HEALTHCHECK instruction to the container image'] },
    messages: {
      missing: 'The final image has no `HEALTHCHECK`; Docker cannot tell a hung service from a healthy one.',
    },
    equivalents: ['hadolint:DL3057', 'checkov:CKV_DOCKER_2', 'trivy:DS-0026'],
    examples: {
      bad: ['FROM nginx:1.27\n'],
      good: ['FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-fsS", "http://localhost/"]\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const stage = dockerfile.finalStage;
    if (!stage) return;
    for (let s: typeof stage | undefined = stage; s; s = s.parent) if (s.nodes.some((n) => n.keyword === 'HEALTHCHECK')) return;
    // A fragment without FROM is not an image yet (`missing-from`).
    const from = stage.fromNode;
    if (!from) return;
    const target = from.args[0] ?? from.keywordSpan;
    report({ messageId: 'missing', range: file.rangeOf(target.start, target.end) });
  },
});
