import rule from '../../../server/src/rules/compose/port-all-interfaces';
import { ruleTester } from '../../support/ruleTester';

const db = (body: string, image = 'postgres:17.2') => `services:\n  db:\n    image: ${image}\n${body}`;

ruleTester(rule, {
  valid: [
    db('    ports:\n      - "127.0.0.1:5432:5432"\n'),
    db('    ports:\n      - "8080:80"\n', 'nginx:1.27.3'),
    db('    ports:\n      - target: 5432\n        host_ip: 127.0.0.1\n        published: "5432"\n'),
    db('    ports:\n      - "${PG_PORT}:5432"\n'),
    db('    expose: ["5432"]\n'),
  ],
  invalid: [
    {
      code: db('    ports:\n      - "5432:5432" # psql\n'),
      errors: [{ messageId: 'exposed', range: '5:9-5:20' }],
      suggestions: [db('    ports:\n      - "127.0.0.1:5432:5432" # psql\n')],
    },
    {
      name: 'any port of a datastore image; plain and number scalars',
      code: db('    ports:\n      - 15432:5433\n      - 5432\n'),
      errors: [{ messageId: 'exposed', range: '5:9-5:19' }, { messageId: 'exposed', range: '6:9-6:13' }],
      suggestions: [db('    ports:\n      - 127.0.0.1:15432:5433\n      - 5432\n'), db('    ports:\n      - 15432:5433\n      - "127.0.0.1::5432"\n')],
    },
    {
      name: 'debugger port, explicit 0.0.0.0',
      code: db('    ports: ["0.0.0.0:9229:9229", "3000:3000"]\n', 'node:22.11'),
      errors: [{ messageId: 'exposed', range: '4:13-4:32' }],
      suggestions: [db('    ports: ["127.0.0.1:9229:9229", "3000:3000"]\n', 'node:22.11')],
    },
    {
      name: 'long syntax',
      code: db('    ports:\n      - target: 6379\n        published: 6379\n', 'redis:7.4'),
      errors: [{ messageId: 'exposed', range: '5:9-6:24' }],
      suggestions: [db('    ports:\n      - target: 6379\n        published: 6379\n        host_ip: 127.0.0.1\n', 'redis:7.4')],
    },
  ],
});
