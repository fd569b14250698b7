// RBAC rules that let their holder switch off or rewrite the cluster's own security controls.
import { k8sRule } from '../../k8s/rule';
import { grants, rbacRules, type RbacRule } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

const ADMISSION_RESOURCES = [
  'mutatingwebhookconfigurations', 'validatingwebhookconfigurations',
  'validatingadmissionpolicies', 'validatingadmissionpolicybindings', 'mutatingadmissionpolicies', 'mutatingadmissionpolicybindings',
];
const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];

type Control = 'admission' | 'csrApproval' | 'awsAuth';

/** The named resources of `rule` that hand out control, each with what it controls. */
function controlled(rule: RbacRule): { control: Control; node: RbacRule['resources'][number]['node']; resource: string }[] {
  const out: { control: Control; node: RbacRule['resources'][number]['node']; resource: string }[] = [];
  for (const r of rule.resources) {
    if (ADMISSION_RESOURCES.includes(r.value) && grants(rule, WRITE_VERBS, [r.value], ['admissionregistration.k8s.io'])) out.push({ control: 'admission', node: r.node, resource: r.value });
    // Approving a CSR takes update on the approval subresource plus `approve` on the signer; either is the sensitive half.
    else if (r.value === 'certificatesigningrequests/approval' && grants(rule, ['update', 'patch'], [r.value], ['certificates.k8s.io'])) out.push({ control: 'csrApproval', node: r.node, resource: r.value });
    else if (r.value === 'signers' && grants(rule, ['approve'], [r.value], ['certificates.k8s.io'])) out.push({ control: 'csrApproval', node: r.node, resource: r.value });
    else if (r.value === 'configmaps' && rule.resourceNames.some((n) => n.value === 'aws-auth') && grants(rule, WRITE_VERBS, [r.value])) out.push({ control: 'awsAuth', node: r.node, resource: r.value });
  }
  return out;
}

export default k8sRule({
  meta: {
    id: 'k8s/rbac-security-controls',
    target: 'k8s',
    title: 'RBAC rule controls admission, certificate approval or EKS identity mapping',
    severity: 'error',
    description:
      'Reports a Role or ClusterRole rule that can write admission webhook or admission policy configurations (`create`, `update`, `patch`, `delete`, `deletecollection` or `*`), approve CertificateSigningRequests (`update`/`patch` on `certificatesigningrequests/approval`, or `approve` on `signers`), or write the EKS `aws-auth` ConfigMap (named in `resourceNames`). A `*` resource is reported by `k8s/rbac-wildcard`.',
    rationale:
      'Admission webhooks and policies see and can rewrite every object sent to the API, Secrets and pod specs included, and deleting one switches a guard off. Approving CSRs mints client certificates for any user or group, `system:masters` included. `aws-auth` maps AWS IAM identities to Kubernetes groups, so writing it grants cluster-admin to any IAM role.',
    remediation: 'Keep these permissions with the cluster operator\'s own tooling; grant controllers only `get`, `list` and `watch` where they need to read them.',
    references: [
      { title: 'Kubernetes: RBAC good practices, escalation paths', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks' },
      { title: 'Kubernetes: certificate signing requests, authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization' },
    ],
    standards: { cis: ['CIS Kubernetes 5.1.8'] },
    messages: {
      admission: 'This rule can change `{{resource}}`: it controls what the API server admits.',
      csrApproval: 'This rule can approve certificate signing requests (`{{resource}}`): it can mint credentials for any user.',
      awsAuth: 'This rule can write `{{resource}}` named `aws-auth`, the EKS ConfigMap that maps AWS identities to Kubernetes groups.',
    },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_155': 'covers admission webhooks only, with its own verb list.',
      'checkov:CKV_K8S_156': 'covers CSR approval only.',
      'trivy:KSV-0114': 'covers webhook configurations only.',
      'trivy:KSV-0115': 'covers the `aws-auth` ConfigMap only.',
    },
    examples: {
      bad: [exampleRole('  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations]\n    verbs: [get, update]\n')],
      good: [exampleRole('  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations]\n    verbs: [get, list, watch]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      for (const { control, node, resource } of controlled(rule)) {
        const range = nodeRange(file, node);
        if (range) report({ messageId: control, data: { resource }, range });
      }
    }
  },
});
