// Workloads running under the namespace's `default` service account.
import { k8sRule } from '../../k8s/rule';
import { podField, podSpecOf } from '../../k8s/podspec';
import { nodeRange } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/default-service-account',
    target: 'k8s',
    title: 'Pod uses the default service account',
    severity: 'info',
    enabledByDefault: false,
    description: 'Reports a pod spec without `serviceAccountName` (or the deprecated `serviceAccount`), or with the value `default`. Off by default: it fires on most simple manifests.',
    rationale: 'Every pod in the namespace shares the `default` account, so RBAC granted to it for one workload is granted to all of them, and audit logs cannot tell them apart.',
    remediation: 'Create a ServiceAccount per workload with only the permissions it needs, and set `serviceAccountName`.',
    references: [{ title: 'Kubernetes: Service accounts', url: 'https://kubernetes.io/docs/concepts/security/service-accounts/' }],
    standards: { cis: ['CIS Kubernetes 5.1.5'] },
    messages: { unset: 'The pod uses the namespace\'s default service account.', explicit: 'The pod explicitly uses the `default` service account.' },
    equivalents: ['kube-linter:default-service-account'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('serviceAccountName: web\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod || pod.podFields === 'none') return;
    const setting = podField(pod, 'serviceAccountName') ?? podField(pod, 'serviceAccount');
    if (!setting && pod.fragment) return;
    const value = setting?.value;
    if (typeof value === 'string' && value !== '' && value !== 'default') return;
    const range = setting && value === 'default' ? nodeRange(file, setting.node) : undefined;
    report(range ? { messageId: 'explicit', range } : { messageId: 'unset', range: object.anchorRange });
  },
});
