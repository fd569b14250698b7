import rule from '../../../server/src/rules/compose/literal-secret-in-env';
import { ruleTester } from '../../support/ruleTester';

const db = (body: string) => `services:\n  db:\n    image: postgres:17.2\n${body}`;

ruleTester(rule, {
  valid: [
    db('    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n'),
    db('    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n      - POSTGRES_USER=app\n'),
    db('    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-changeme}\n'),
    db('    environment:\n      - POSTGRES_PASSWORD\n      - API_TOKEN_URL=https://auth.example.com/token\n'),
    db('    environment:\n      POSTGRES_PASSWORD: your-password-here\n'),
  ],
  invalid: [
    { code: db('    environment:\n      POSTGRES_PASSWORD: hunter2-prod\n'), errors: [{ messageId: 'namedSecret', range: '5:26-5:38' }] },
    { code: db('    environment:\n      - "DB_PASSWORD=s3cr3t-Pa55"\n'), errors: [{ messageId: 'namedSecret', range: '5:22-5:33' }] },
    { code: db('    environment:\n      DATABASE_URL: postgres://app:hunter2@db:5432/app\n'), errors: [{ messageId: 'knownFormat', range: '5:21-5:55' }] },
    {
      name: 'inherited from a merge key',
      code: 'x-env: &env\n  environment:\n    API_KEY: sk_live_abcdefghijklmnopqrstuvwx\nservices:\n  web:\n    <<: *env\n    image: x:1\n',
      errors: [{ messageId: 'knownFormat', range: '3:14-3:46' }],
    },
  ],
});
