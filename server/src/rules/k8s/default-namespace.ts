// Workloads placed explicitly in the `default` or `kube-system` namespace.
import { k8sRule } from '../../k8s/rule';
import { podSpecOf } from '../../k8s/podspec';
import { get, mapIn, nodeRange } from '../../k8s/yaml';

const deployment = (ns: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${ns}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.3\n`;

export default k8sRule({
  meta: {
    id: 'k8s/default-namespace',
    target: 'k8s',
    title: 'Workload in the default or kube-system namespace',
    severity: 'info',
    enabledByDefault: false,
    description:
      'Reports a workload whose `metadata.namespace` is `default` or `kube-system`. A missing namespace is not reported: most manifests get theirs from `kubectl -n`, Kustomize or Helm. Off by default.',
    rationale: 'The `default` namespace usually has no Pod Security level, quotas or NetworkPolicies, and everything in it shares a default service account; `kube-system` holds the control plane\'s own credentials and is exempt from many policies.',
    remediation: 'Create a namespace per application or team with its own Pod Security level, quotas and NetworkPolicies.',
    references: [{ title: 'Kubernetes: Namespaces', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/' }],
    standards: { cis: ['CIS Kubernetes 5.7.4'] },
    messages: { namespace: 'The workload is placed in the `{{namespace}}` namespace.' },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_21': 'also fails a missing namespace and non-workload objects.',
    },
    examples: { bad: [deployment('default')], good: [deployment('shop')] },
  },
  check({ file, object, report }) {
    if (!podSpecOf(object) || (object.namespace !== 'default' && object.namespace !== 'kube-system')) return;
    const range = nodeRange(file, get(mapIn(object.node, ['metadata'], object.doc), 'namespace', object.doc));
    if (range) report({ messageId: 'namespace', data: { namespace: object.namespace }, range });
  },
});
