import rule from '../../../server/src/rules/compose/resource-limits';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    mem_limit: 512m\n    cpus: 0.5\n    pids_limit: 100\n'),
    web('    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "0.5"\n          pids: 100\n'),
    web('    mem_limit: ${MEM}\n    cpu_quota: 50000\n    pids_limit: 100\n'),
    'x-limits: &limits\n  mem_limit: 1g\n  cpus: 1\n  pids_limit: 64\nservices:\n  web:\n    <<: *limits\n    image: x:1\n',
  ],
  invalid: [
    { code: web(''), errors: [{ messageId: 'missing', range: '2:3-2:6' }] },
    { code: web('    mem_limit: 512m\n    pids_limit: -1\n'), errors: [{ messageId: 'missing', range: '2:3-2:6' }] },
    { code: web('    deploy:\n      resources:\n        reservations:\n          memory: 512M\n'), errors: [{ messageId: 'missing', range: '2:3-2:6' }] },
  ],
});
