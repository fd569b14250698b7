// Added capabilities that amount to root on the node (or close to it).
import { k8sRule } from '../../k8s/rule';
import { effective, workload } from '../../k8s/podspec';
import { asMap, asSeq, get, nodeRange, stringItems } from '../../k8s/yaml';
import { removeItem } from '../../k8s/edit';
import { examplePod } from '../../k8s/examples';

/** Capabilities that break container isolation outright; each is reason enough for a node compromise. */
export const DANGEROUS_CAPABILITIES = new Set([
  'ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'NET_RAW', 'SYS_PTRACE', 'BPF', 'PERFMON', 'SYS_RAWIO', 'SYS_BOOT',
  'DAC_READ_SEARCH', 'SYS_TIME', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYSLOG', 'LINUX_IMMUTABLE',
]);

/** `CAP_SYS_ADMIN` and `sys_admin` name the same capability as `SYS_ADMIN`. */
export function capabilityName(value: string): string {
  return value.toUpperCase().replace(/^CAP_/, '');
}

export default k8sRule({
  meta: {
    id: 'k8s/dangerous-capabilities',
    target: 'k8s',
    title: 'Dangerous capability added',
    severity: 'error',
    description: `Reports a capability in \`securityContext.capabilities.add\` that breaks isolation: ${[...DANGEROUS_CAPABILITIES].join(', ')}. Other added capabilities are \`k8s/added-capabilities\`'s concern.`,
    rationale:
      'SYS_ADMIN is most of root; SYS_MODULE loads kernel code; SYS_PTRACE reads other processes; NET_ADMIN and NET_RAW rewrite and spoof the network; BPF and PERFMON load kernel programs; ALL grants every one of them.',
    remediation: 'Remove the capability; if the workload truly needs it, isolate it on dedicated nodes and document why.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/capabilities_baseline'], cis: ['CIS Kubernetes 5.2.8', 'CIS Kubernetes 5.2.9'] },
    fix: 'suggestion',
    messages: {
      dangerous: 'Container `{{container}}` adds the dangerous capability {{capability}}.',
      remove: 'Remove {{capability}} from `capabilities.add`',
    },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_39': 'checks `SYS_ADMIN` only; a skip of it must not silence the other capabilities this rule reports.',
      'trivy:KSV-0005': 'checks `SYS_ADMIN` only.',
      'kubesec:CapSysAdmin': 'checks `SYS_ADMIN` only.',
      'trivy:KSV-0119': 'checks `NET_RAW` only.',
      'trivy:KSV-0120': 'checks `SYS_MODULE` only.',
      'polaris:dangerousCapabilities': 'its list is `ALL`, `SYS_ADMIN` and `NET_ADMIN` only.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      capabilities:\n        add: [SYS_ADMIN]\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      capabilities:\n        add: [NET_BIND_SERVICE]\n        drop: [ALL]\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      const add = get(asMap(effective(container, 'capabilities').node, doc), 'add', doc);
      const seq = asSeq(add, doc);
      for (const cap of stringItems(add, doc)) {
        const name = capabilityName(cap.value);
        const range = nodeRange(file, cap.node);
        if (!DANGEROUS_CAPABILITIES.has(name) || !range) continue;
        report({
          messageId: 'dangerous',
          data: { container: container.name, capability: name },
          range,
          container: container.name,
          ...(seq ? { suggestions: [{ messageId: 'remove' as const, data: { capability: name }, edits: removeItem(file, seq, seq.items.indexOf(cap.node)) }] } : {}),
        });
      }
    }
  },
});
