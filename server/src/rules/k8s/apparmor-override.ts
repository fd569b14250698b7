// AppArmor switched off or pointed at a non-standard profile.
import type { Node } from 'yaml';
import { k8sRule } from '../../core/types';
import { effectiveIn, podAnnotations, workload } from '../../k8s/podspec';
import { nodeRange } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

export default k8sRule({
  meta: {
    id: 'k8s/apparmor-override',
    target: 'k8s',
    title: 'AppArmor profile overridden',
    severity: 'warning',
    description:
      'Reports an effective `appArmorProfile.type` other than `RuntimeDefault` or `Localhost`, and a `container.apparmor.security.beta.kubernetes.io/<name>` annotation other than `runtime/default` or `localhost/<profile>`. Each value is reported once, where it is written.',
    rationale: 'The runtime\'s AppArmor profile blocks mounts, raw kernel interfaces and writes to `/proc` and `/sys`; `Unconfined` removes that layer for every process in the container.',
    remediation: 'Remove the override (the runtime default applies) or use `Localhost` with a reviewed profile.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/appArmorProfile'] },
    messages: { overridden: 'AppArmor profile `{{profile}}` for {{who}} disables or replaces the runtime\'s confinement.' },
    equivalents: ['pss:baseline/appArmorProfile'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      appArmorProfile:\n        type: Unconfined\n')],
      good: [examplePod('securityContext:\n  appArmorProfile:\n    type: RuntimeDefault\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const w = workload(file, object);
    if (!w) return;
    const seen = new Set<Node>();
    for (const container of w.containers) {
      const type = effectiveIn(container, 'appArmorProfile', 'type');
      if (type.value === undefined || type.value === 'RuntimeDefault' || type.value === 'Localhost' || !type.node || seen.has(type.node)) continue;
      seen.add(type.node);
      const range = nodeRange(file, type.node);
      const who = type.from === 'container' ? `container \`${container.name}\`` : 'every container of the pod';
      if (range) report({ messageId: 'overridden', data: { profile: String(type.value), who }, range, ...(type.from === 'container' ? { container: container.name } : {}) });
    }
    for (const [key, value] of podAnnotations(w.pod)) {
      if (!key.startsWith(ANNOTATION)) continue;
      const profile = String(value.value ?? '');
      if (profile === 'runtime/default' || profile.startsWith('localhost/')) continue;
      const range = nodeRange(file, value);
      if (range) report({ messageId: 'overridden', data: { profile, who: `container \`${key.slice(ANNOTATION.length)}\`` }, range });
    }
  },
});
