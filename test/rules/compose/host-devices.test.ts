import rule from '../../../server/src/rules/compose/host-devices';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web(''),
    web('    devices: []\n'),
    web('    deploy:\n      resources:\n        reservations:\n          devices:\n            - capabilities: [gpu]\n'),
  ],
  invalid: [
    { code: web('    devices:\n      - /dev/ttyUSB0:/dev/ttyUSB0\n'), errors: [{ messageId: 'device', range: '5:9-5:34' }] },
    { code: web('    devices: ["/dev/sda:/dev/xvdc:rwm", /dev/fuse]\n'), errors: [{ messageId: 'device', range: '4:15-4:39' }, { messageId: 'device', range: '4:41-4:50' }] },
    { code: web('    devices:\n      - source: /dev/kmsg\n        target: /dev/kmsg\n'), errors: [{ messageId: 'device', range: '5:9-6:26' }] },
  ],
});
