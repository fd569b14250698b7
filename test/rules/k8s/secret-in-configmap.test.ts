import rule from '../../../server/src/rules/k8s/secret-in-configmap';
import { ruleTester } from '../../support/ruleTester';

const cm = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n${data}`;

ruleTester(rule, {
  valid: [
    cm('  db.host: postgres\n  db.passwordFile: /secrets/db/password\n'),
    cm('  password.policy: strict\n  token_ttl: "3600"\n'),
    cm('  config.yaml: |\n    password: ${DB_PASSWORD}\n    user: app\n'),
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: hunter2-prod\n',
  ],
  invalid: [
    { code: cm('  db.password: hunter2-prod\n'), errors: [{ messageId: 'namedSecret', range: '6:16-6:28' }] },
    { code: cm('  id_rsa: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIE\n    -----END RSA PRIVATE KEY-----\n'), errors: [{ messageId: 'knownFormat', range: '6:11-9:34' }] },
    { code: cm('  settings.ini: |\n    [ci]\n    token = ghp_abcdefghijklmnopqrstuvwxyz0123456789\n'), errors: [{ messageId: 'knownFormat', range: '6:17-8:53' }] },
    { code: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n    data: {API_KEY: "0123456789abcdef"}\n`, errors: [{ messageId: 'namedSecret', range: '7:21-7:39' }] },
  ],
});
