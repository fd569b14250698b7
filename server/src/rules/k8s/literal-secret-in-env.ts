// Credentials written literally into a container's environment.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { get, mapItems, nodeRange, seqIn, stringValue } from '../../k8s/yaml';
import { isBenignValue, isSecretName, knownSecretFormat } from '../../k8s/secrets';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/literal-secret-in-env',
    target: 'k8s',
    title: 'Literal secret in an environment variable',
    severity: 'error',
    description:
      'Reports an `env[].value` that contains a credential: a value in a known key format (AWS, GitHub, GitLab, Slack, Stripe, Google keys, private keys, passwords in URLs), or a non-trivial literal under a secret-looking name such as `DB_PASSWORD` or `API_KEY`. Names ending in `_FILE`, `_PATH`, `_URL`, `_NAME`, `_ID` and similar, references such as `$(VAR)`, and placeholders are not reported.',
    rationale: 'A literal credential in a manifest lives in Git history, CI logs, `kubectl get -o yaml` output and every copy of the repository; anyone who can read the workload object can read the secret.',
    remediation: 'Move the value into a Secret (or an external secret store) and mount it as a file; rotate the exposed credential.',
    references: [{ title: 'Kubernetes: Good practices for Kubernetes Secrets', url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/' }],
    standards: { nsa: ['Secrets: do not store credentials in manifests'] },
    messages: {
      namedSecret: 'Environment variable `{{name}}` of container `{{container}}` holds a literal secret.',
      knownFormat: 'Environment variable `{{name}}` of container `{{container}}` contains a {{format}}.',
    },
    equivalents: [],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    env:\n      - name: DB_PASSWORD\n        value: hunter2-prod\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    env:\n      - name: DB_PASSWORD_FILE\n        value: /secrets/db/password\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      for (const env of mapItems(seqIn(container.node, ['env'], doc), doc)) {
        const name = stringValue(get(env, 'name', doc), doc);
        const node = get(env, 'value', doc);
        const value = stringValue(node, doc);
        const range = nodeRange(file, node);
        if (name === undefined || value === undefined || !range) continue;
        const format = knownSecretFormat(value);
        if (format) report({ messageId: 'knownFormat', data: { name, container: container.name, format }, range, container: container.name });
        else if (isSecretName(name) && !isBenignValue(value)) report({ messageId: 'namedSecret', data: { name, container: container.name }, range, container: container.name });
      }
    }
  },
});
