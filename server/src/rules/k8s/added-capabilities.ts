// Added capabilities beyond what the Restricted standard allows, other than the dangerous ones.
import { k8sRule } from '../../k8s/rule';
import { effective, workload } from '../../k8s/podspec';
import { asMap, get, nodeRange, stringItems } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';
import { DANGEROUS_CAPABILITIES, capabilityName } from './dangerous-capabilities';

export default k8sRule({
  meta: {
    id: 'k8s/added-capabilities',
    target: 'k8s',
    title: 'Capability added',
    severity: 'warning',
    description:
      'Reports each capability in `securityContext.capabilities.add` that is not in the `allowed` option (default `NET_BIND_SERVICE`, as the Restricted standard allows). Dangerous capabilities such as SYS_ADMIN are reported by `k8s/dangerous-capabilities` instead, so together the two rules decide the Restricted "add" check.',
    rationale: 'Every added capability is kernel privilege the process did not have; most services need none once they listen on a port above 1024.',
    remediation: 'Remove the capability and drop ALL; if one is needed, add it to the `allowed` option with the reason in your config.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Restricted', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' }],
    standards: { pss: ['restricted/capabilities_restricted'], cis: ['CIS Kubernetes 5.2.8'] },
    messages: { added: 'Container `{{container}}` adds the capability {{capability}}.' },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_25': 'flags any added capability, including `NET_BIND_SERVICE`, which Pod Security Standards Restricted allows and we do not report.',
      'trivy:KSV-0022': 'flags any added capability, including `NET_BIND_SERVICE`, which Pod Security Standards Restricted allows and we do not report.',
    },
    options: { allowed: { type: 'string[]', description: 'Capabilities that may be added without a finding.', default: ['NET_BIND_SERVICE'] } },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      capabilities:\n        add: [CHOWN]\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      capabilities:\n        add: [NET_BIND_SERVICE]\n        drop: [ALL]\n')],
    },
  },
  check({ file, object, options, report }) {
    const allowed = new Set((Array.isArray(options.allowed) ? options.allowed : []).map((c) => capabilityName(String(c))));
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      for (const cap of stringItems(get(asMap(effective(container, 'capabilities').node, doc), 'add', doc), doc)) {
        const name = capabilityName(cap.value);
        const range = nodeRange(file, cap.node);
        if (allowed.has(name) || DANGEROUS_CAPABILITIES.has(name) || !range) continue;
        report({ messageId: 'added', data: { container: container.name, capability: name }, range, container: container.name });
      }
    }
  },
});
