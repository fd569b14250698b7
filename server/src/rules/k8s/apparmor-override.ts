// AppArmor switched off or pointed at a non-standard profile.
import { k8sRule } from '../../k8s/rule';
import { podAnnotations, workload, writtenSettings } from '../../k8s/podspec';
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
    peerNotes: {
      'trivy:KSV-0002': 'reads only the beta annotation and flags `localhost/<profile>`, which Pod Security Standards allow; it ignores `appArmorProfile.type: Unconfined`, which we report.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      appArmorProfile:\n        type: Unconfined\n')],
      good: [examplePod('securityContext:\n  appArmorProfile:\n    type: RuntimeDefault\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const w = workload(file, object);
    if (!w) return;
    for (const type of writtenSettings(w.containers, 'appArmorProfile', 'type')) {
      const range = nodeRange(file, type.node);
      if (type.value === undefined || type.value === 'RuntimeDefault' || type.value === 'Localhost' || !range) continue;
      const who = type.container ? `container \`${type.container.name}\`` : 'every container of the pod';
      report({ messageId: 'overridden', data: { profile: String(type.value), who }, range, ...(type.container && { container: type.container.name }) });
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
