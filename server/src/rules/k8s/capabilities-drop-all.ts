// Containers that keep the runtime's default capability set.
import { k8sRule } from '../../k8s/rule';
import { effective, workload } from '../../k8s/podspec';
import { asMap, get, nodeRange, stringItems } from '../../k8s/yaml';
import { dropAll } from '../../k8s/fixes';
import { examplePod } from '../../k8s/examples';
import { capabilityName } from './dangerous-capabilities';

export default k8sRule({
  meta: {
    id: 'k8s/capabilities-drop-all',
    target: 'k8s',
    title: 'Capabilities not dropped',
    severity: 'warning',
    description: 'Reports a container whose `securityContext.capabilities.drop` does not contain `ALL`.',
    rationale:
      'Container runtimes grant a default set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, …) that most services never use; each one widens what an attacker with code execution can do, e.g. NET_RAW enables ARP and DNS spoofing on the node network.',
    remediation: 'Add `capabilities: {drop: [ALL]}` and add back only what the process needs (usually nothing, at most NET_BIND_SERVICE).',
    references: [{ title: 'Kubernetes: Pod Security Standards, Restricted', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' }],
    standards: { pss: ['restricted/capabilities_restricted'], nsa: ['Pod security: drop unneeded capabilities'], cis: ['CIS Kubernetes 5.2.9'] },
    fix: 'suggestion',
    messages: {
      notDropped: 'Container `{{container}}` does not drop ALL capabilities.',
      addDropAll: 'Add ALL to `capabilities.drop`',
    },
    equivalents: ['checkov:CKV_K8S_37', 'trivy:KSV-0003', 'kubesec:CapDropAll'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      capabilities:\n        drop: [NET_RAW]\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      capabilities:\n        drop: [ALL]\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      const caps = asMap(effective(container, 'capabilities').node, doc);
      const dropNode = get(caps, 'drop', doc);
      if (stringItems(dropNode, doc).some((c) => capabilityName(c.value) === 'ALL')) continue;
      // A patch without a drop list leaves the base's in place.
      if (!dropNode && container.pod.fragment) continue;
      report({
        messageId: 'notDropped',
        data: { container: container.name },
        range: (dropNode && nodeRange(file, dropNode)) ?? container.anchorRange,
        container: container.name,
        suggestions: [{ messageId: 'addDropAll', edits: dropAll(file, container) }],
      });
    }
  },
});
