// Custom SELinux user, role or type that can lift the container out of its confinement.
import type { Node } from 'yaml';
import { k8sRule } from '../../k8s/rule';
import { workload, type ContainerView } from '../../k8s/podspec';
import { asMap, get, getIn, nodeRange, stringValue } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

/** SELinux types the Baseline standard allows. */
const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default k8sRule({
  meta: {
    id: 'k8s/selinux-override',
    target: 'k8s',
    title: 'SELinux options overridden',
    severity: 'warning',
    description:
      'Reports `seLinuxOptions` of the pod or of any container (init and ephemeral included) that set a `user` or `role`, or a `type` other than `container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t`. Each level is checked on its own, as Pod Security admission does: pod-level options are reported even when every container sets its own, because they still label the pod sandbox and its volumes. Unlike Trivy KSV-0025 we allow `container_engine_t` (allowed by Pod Security Standards since Kubernetes 1.31) and an empty `user` or `role`.',
    rationale: 'A custom SELinux type such as `spc_t` (super-privileged container) or `unconfined_t` switches off the mandatory access control that contains a compromised container.',
    remediation: 'Remove the custom `user`, `role` and `type`; set only `level` if you need MCS separation.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/seLinuxOptions'] },
    messages: {
      type: 'SELinux type `{{value}}` is not one of the container types.',
      userRole: 'SELinux `{{field}}` is set to `{{value}}`; custom users and roles are not allowed.',
    },
    equivalents: ['pss:baseline/seLinuxOptions'],
    peerNotes: {
      'trivy:KSV-0025': 'fails `type: container_engine_t`, which Pod Security Standards allow since Kubernetes 1.31 (Trivy\'s list predates it); we do not report it.',
    },
    examples: {
      bad: [examplePod('securityContext:\n  seLinuxOptions:\n    type: spc_t\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  seLinuxOptions:\n    level: "s0:c123,c456"\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const w = workload(file, object);
    if (!w) return;
    const { doc } = w.pod;
    const inspect = (container: ContainerView | undefined, options: Node | undefined) => {
      const map = asMap(options, doc);
      if (!map) return;
      for (const field of ['type', 'user', 'role'] as const) {
        const node = get(map, field, doc);
        const value = stringValue(node, doc);
        if (!node || value === undefined || (field === 'type' && ALLOWED_TYPES.has(value)) || (field !== 'type' && value === '')) continue;
        const range = nodeRange(file, node);
        if (range) report({ messageId: field === 'type' ? 'type' : 'userRole', data: field === 'type' ? { value } : { field, value }, range, ...(container ? { container: container.name } : {}) });
      }
    };
    // Each level on its own, as Pod Security admission checks them: the pod's options label the pod sandbox and
    // its volumes even when every container brings its own.
    inspect(undefined, getIn(w.pod.node, ['securityContext', 'seLinuxOptions'], doc));
    for (const container of w.containers) inspect(container, getIn(container.node, ['securityContext', 'seLinuxOptions'], doc));
  },
});
