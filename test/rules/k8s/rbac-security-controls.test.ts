import rule from '../../../server/src/rules/k8s/rbac-security-controls';
import { ruleTester } from '../../support/ruleTester';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    role('  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations, mutatingwebhookconfigurations]\n    verbs: [get, list, watch]\n'),
    role('  - apiGroups: [certificates.k8s.io]\n    resources: [certificatesigningrequests]\n    verbs: [create, get]\n'),
    role('  - apiGroups: [""]\n    resources: [configmaps]\n    resourceNames: [app-config]\n    verbs: [update]\n', 'Role'),
    // A namespaced Role grants nothing on cluster-scoped webhook configurations or CSR approval.
    { name: 'Role: webhooks out of reach', code: role('  - apiGroups: [admissionregistration.k8s.io]\n    resources: [mutatingwebhookconfigurations]\n    verbs: [create, update, patch]\n', 'Role') },
    { name: 'Role: CSR approval out of reach', code: role('  - apiGroups: [certificates.k8s.io]\n    resources: [certificatesigningrequests/approval]\n    verbs: [update]\n', 'Role') },
    // Wrong API group: the rule grants nothing on the admission resources.
    role('  - apiGroups: [apps]\n    resources: [validatingwebhookconfigurations]\n    verbs: [update]\n'),
    // `*` resources are k8s/rbac-wildcard's finding.
    role('  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n'),
  ],
  invalid: [
    {
      code: role('  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations]\n    verbs: [get, update]\n'),
      errors: [{ messageId: 'admission', range: '7:17-7:48' }],
    },
    {
      name: 'CSR approval through the subresource and the signer',
      code: role('  - apiGroups: [certificates.k8s.io]\n    resources: [certificatesigningrequests/approval]\n    verbs: [update]\n  - apiGroups: [certificates.k8s.io]\n    resources: [signers]\n    verbs: [approve]\n'),
      errors: [{ messageId: 'csrApproval', range: '7:17-7:52' }, { messageId: 'csrApproval', range: '10:17-10:24' }],
    },
    {
      code: role('  - apiGroups: [""]\n    resources: [configmaps]\n    resourceNames: [aws-auth]\n    verbs: [get, patch]\n', 'Role'),
      errors: [{ messageId: 'awsAuth', range: '7:17-7:27' }],
    },
    {
      name: 'wildcard verb on admission policies',
      code: role('  - apiGroups: ["*"]\n    resources: [validatingadmissionpolicies, mutatingwebhookconfigurations]\n    verbs: ["*"]\n'),
      errors: [{ messageId: 'admission', range: '7:17-7:44' }, { messageId: 'admission', range: '7:46-7:75' }],
    },
  ],
});
