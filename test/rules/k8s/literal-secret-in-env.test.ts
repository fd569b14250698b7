import rule from '../../../server/src/rules/k8s/literal-secret-in-env';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const env = (name: string, value: string) => `${C}    env:\n      - name: ${name}\n        value: ${value}\n`;
ruleTester(rule, {
  valid: [
    ...validEverywhere(env('DB_PASSWORD_FILE', '/secrets/db/password')),
    ...validEverywhere(env('TOKEN_URL', 'https://auth.example.com/token')),
    ...validEverywhere(env('API_KEY', '$(API_KEY_FROM_SECRET)')),
    ...validEverywhere(env('HF_TOKEN', '"HF_TOKEN"')),
    ...validEverywhere(env('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLE')),
    ...validEverywhere(env('PUBLIC_KEY', 'ssh-ed25519-abcdef')),
    ...validEverywhere(env('SECRET_NAME', 'db-credentials')),
    ...validEverywhere(env('MYSQL_PASSWORD', 'yourpassword')),
  ],
  invalid: [
    ...invalidEverywhere('named password', env('DB_PASSWORD', 'hunter2-prod'), [{ messageId: 'namedSecret', range: '6:16-6:28', container: 'app' }]),
    ...invalidEverywhere('camelCase api key', env('apiKey', '"9f8e7d6c5b4a"'), [{ messageId: 'namedSecret', range: '6:16-6:30' }]),
    ...invalidEverywhere('known format under a bland name', env('BOOTSTRAP', 'AKIAIOSFODNN7EXAMPLF'), [{ messageId: 'knownFormat', range: '6:16-6:36' }]),
    ...invalidEverywhere('password in a URL', env('DATABASE_URL', 'postgres://app:s3cr3t@db:5432/app'), [{ messageId: 'knownFormat', range: '6:16-6:49' }]),
  ],
});
