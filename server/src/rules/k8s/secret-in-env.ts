// Secrets injected as environment variables rather than files.
import type { Node } from 'yaml';
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { get, keyRange, mapIn, mapItems, nodeRange, seqIn, stringValue } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/secret-in-env',
    target: 'k8s',
    title: 'Secret exposed as an environment variable',
    severity: 'info',
    description: 'Reports `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef` in a container.',
    rationale: 'Environment variables leak: they are inherited by every child process, printed by crash handlers and debug endpoints, visible in `/proc/<pid>/environ` to anything sharing the PID namespace, and they cannot be rotated without a restart. Mounted secret files avoid all of that.',
    remediation: 'Mount the Secret as a volume (read-only) and have the application read the file.',
    references: [{ title: 'Kubernetes: Good practices for Kubernetes Secrets', url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.4.1: prefer secrets as files'] },
    messages: {
      secretKeyRef: 'Container `{{container}}` reads Secret `{{secret}}` into the environment variable `{{name}}`.',
      secretRef: 'Container `{{container}}` loads all of Secret `{{secret}}` into its environment.',
    },
    equivalents: ['checkov:CKV_K8S_35', 'kube-linter:read-secret-from-env-var', 'kubesec:SecretsAsEnvironmentVariables'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    env:\n      - name: DB_PASSWORD\n        valueFrom:\n          secretKeyRef: {name: db, key: password}\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    volumeMounts:\n      - {name: db, mountPath: /secrets/db, readOnly: true}\nvolumes:\n  - name: db\n    secret: {secretName: db}\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      for (const env of mapItems(seqIn(container.node, ['env'], doc), doc)) {
        const ref = mapIn(env, ['valueFrom', 'secretKeyRef'], doc);
        const range = ref && keyRange(file, mapIn(env, ['valueFrom'], doc), 'secretKeyRef');
        if (!ref || !range) continue;
        report({ messageId: 'secretKeyRef', data: { container: container.name, secret: stringValue(get(ref, 'name', doc), doc) ?? '?', name: stringValue(get(env, 'name', doc), doc) ?? '?' }, range, container: container.name });
      }
      for (const from of mapItems(seqIn(container.node, ['envFrom'], doc), doc)) {
        const ref = mapIn(from, ['secretRef'], doc);
        const range = ref && (keyRange(file, from, 'secretRef') ?? nodeRange(file, ref as Node));
        if (ref && range) report({ messageId: 'secretRef', data: { container: container.name, secret: stringValue(get(ref, 'name', doc), doc) ?? '?' }, range, container: container.name });
      }
    }
  },
});
