import rule from '../../../server/src/rules/compose/cgroup-parent';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [web(''), web('    cgroup_parent:\n'), web('    cgroup: host\n')],
  invalid: [
    { code: web('    cgroup_parent: m-executor-abcd\n'), errors: [{ messageId: 'custom', range: '4:20-4:35' }] },
    { code: web('    cgroup_parent: "/system.slice"\n'), errors: [{ messageId: 'custom', range: '4:20-4:35' }] },
    { code: 'x-c: &c\n  cgroup_parent: batch\nservices:\n  web:\n    <<: *c\n    image: x:1\n', errors: [{ messageId: 'custom', range: '2:18-2:23' }] },
  ],
});
