// Credentials stored in a ConfigMap, which is not meant for them.
import type { Node } from 'yaml';
import { k8sRule } from '../../k8s/rule';
import { mapIn, nodeRange, stringValue } from '../../k8s/yaml';
import { isBenignValue, isSecretName, knownSecretFormat } from '../../k8s/secrets';

export default k8sRule({
  meta: {
    id: 'k8s/secret-in-configmap',
    target: 'k8s',
    title: 'Secret in a ConfigMap',
    severity: 'warning',
    description:
      'Reports a ConfigMap `data` entry whose value contains a credential in a known format (private keys, cloud and SaaS tokens, passwords in URLs), or a single-line literal under a secret-looking key such as `db.password`. Multi-line values (configuration files) are only searched for known formats.',
    rationale: 'ConfigMaps are readable by far more people and controllers than Secrets, are not encrypted at rest by default, and end up in logs and dashboards; a credential there is effectively public inside the cluster.',
    remediation: 'Move the value into a Secret (or an external secret store) and reference it from the workload; rotate the credential.',
    references: [{ title: 'Kubernetes: ConfigMaps', url: 'https://kubernetes.io/docs/concepts/configuration/configmap/' }],
    messages: {
      namedSecret: 'ConfigMap key `{{key}}` holds a literal secret.',
      knownFormat: 'ConfigMap key `{{key}}` contains a {{format}}.',
    },
    equivalents: [],
    examples: {
      bad: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  db.password: hunter2-prod\n'],
      good: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  db.host: postgres.default.svc\n  db.passwordFile: /secrets/db/password\n'],
    },
  },
  check({ file, object, report }) {
    if (object.kind !== 'ConfigMap' || object.apiVersion !== 'v1') return;
    const data = mapIn(object.node, ['data'], object.doc);
    for (const pair of data?.items ?? []) {
      const key = stringValue(pair.key, object.doc);
      const value = stringValue(pair.value, object.doc);
      const range = nodeRange(file, pair.value as Node);
      if (key === undefined || value === undefined || !range) continue;
      const format = knownSecretFormat(value);
      if (format) report({ messageId: 'knownFormat', data: { key, format }, range });
      else if (!value.includes('\n') && isSecretName(key) && !isBenignValue(value)) report({ messageId: 'namedSecret', data: { key }, range });
    }
  },
});
