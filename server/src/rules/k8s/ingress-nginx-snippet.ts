// Ingress annotations that paste raw configuration into the ingress controller (CVE-2021-25742).
import { k8sRule } from '../../k8s/rule';
import { mapIn, nodeRange, stringValue } from '../../k8s/yaml';

const ingress = (annotations: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n${annotations}spec:\n  rules:\n    - host: web.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: {name: web, port: {number: 80}}\n`;

export default k8sRule({
  meta: {
    id: 'k8s/ingress-nginx-snippet',
    target: 'k8s',
    title: 'Ingress injects a configuration snippet',
    severity: 'error',
    description:
      'Reports an Ingress annotation whose key contains `snippet`, such as `nginx.ingress.kubernetes.io/configuration-snippet`, `server-snippet` or `auth-snippet`. These annotations paste the value verbatim into the controller\'s configuration.',
    rationale:
      'Whoever can create an Ingress can use a snippet to run Lua or `alias` directives inside the ingress controller, read its service account token and the TLS keys and Secrets it can see across all namespaces (CVE-2021-25742, and again CVE-2025-1974 "IngressNightmare"). ingress-nginx now disables snippets by default for this reason.',
    remediation: 'Express the behaviour with dedicated annotations or a ConfigMap the cluster operator controls, and keep `allow-snippet-annotations: "false"` on the controller.',
    references: [
      { title: 'ingress-nginx: CVE-2021-25742', url: 'https://github.com/kubernetes/ingress-nginx/issues/7837' },
      { title: 'ingress-nginx: allow-snippet-annotations', url: 'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/#allow-snippet-annotations' },
    ],
    standards: { nsa: ['Network separation: protect the ingress controller'] },
    messages: { snippet: 'Annotation `{{key}}` injects raw configuration into the ingress controller.' },
    equivalents: ['checkov:CKV_K8S_153'],
    peerNotes: {
      'checkov:CKV_K8S_152': 'narrower (Lua inside a snippet): a skip of it must not silence every snippet.',
      'checkov:CKV_K8S_154': 'narrower (`alias` inside a snippet).',
      'trivy:KCV-0093': 'judges the controller\'s own flags, not the Ingress.',
    },
    examples: {
      bad: [ingress('    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers "X-Frame-Options: DENY";\n')],
      good: [ingress('    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n')],
    },
  },
  check({ file, object, report }) {
    if (object.kind !== 'Ingress') return;
    const annotations = mapIn(object.node, ['metadata', 'annotations'], object.doc);
    for (const pair of annotations?.items ?? []) {
      const key = stringValue(pair.key, object.doc);
      const range = nodeRange(file, pair.key as { range?: [number, number, number] });
      if (key !== undefined && key.includes('snippet') && range) report({ messageId: 'snippet', data: { key }, range });
    }
  },
});
