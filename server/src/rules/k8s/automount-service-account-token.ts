// API credentials mounted into pods (and ServiceAccounts that mount them by default).
import { k8sRule } from '../../k8s/rule';
import { podField, podRangeOr, podSpecOf } from '../../k8s/podspec';
import { get, nodeRange, scalarValue } from '../../k8s/yaml';
import { setField } from '../../k8s/edit';
import { setPodField } from '../../k8s/fixes';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/automount-service-account-token',
    target: 'k8s',
    title: 'Service account token mounted automatically',
    severity: 'info',
    description:
      'Reports a pod spec whose `automountServiceAccountToken` is not `false`, and a ServiceAccount whose `automountServiceAccountToken` is not `false`. A pod-level `false` wins over the ServiceAccount\'s setting.',
    rationale: 'Every container then holds a token for the Kubernetes API at `/var/run/secrets/kubernetes.io/serviceaccount`; an intruder uses it to explore the cluster and to act with whatever RBAC the account has. Most applications never call the API.',
    remediation: 'Set `automountServiceAccountToken: false` on the pod (and on the ServiceAccount); mount a projected token only in workloads that call the API.',
    references: [{ title: 'Kubernetes: Configure service accounts for pods', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting' }],
    standards: { nsa: ['Authentication: disable automounting of service account tokens'], cis: ['CIS Kubernetes 5.1.6'] },
    fix: 'suggestion',
    messages: {
      pod: 'The pod mounts a service account token; set `automountServiceAccountToken: false` unless it calls the Kubernetes API.',
      serviceAccount: 'ServiceAccount `{{name}}` mounts its token into every pod by default.',
      setFalse: 'Set `automountServiceAccountToken: false`',
    },
    equivalents: ['checkov:CKV_K8S_38', 'kubesec:AutomountServiceAccountToken'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('automountServiceAccountToken: false\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    if (object.kind === 'ServiceAccount' && object.apiVersion === 'v1') {
      const node = get(object.node, 'automountServiceAccountToken', object.doc);
      if (scalarValue(node, object.doc) === false) return;
      report({
        messageId: 'serviceAccount',
        data: { name: object.name },
        range: (node && nodeRange(file, node)) ?? object.anchorRange,
        suggestions: [{ messageId: 'setFalse', edits: setField(file, object.doc, object.node, ['automountServiceAccountToken'], 'false') }],
      });
      return;
    }
    const pod = podSpecOf(object);
    if (!pod || pod.podFields === 'none') return;
    const setting = podField(pod, 'automountServiceAccountToken');
    if (setting?.value === false || (!setting && pod.fragment)) return;
    report({ messageId: 'pod', range: podRangeOr(file, setting, object), suggestions: [{ messageId: 'setFalse', edits: setPodField(file, pod, ['automountServiceAccountToken'], 'false') }] });
  },
});

