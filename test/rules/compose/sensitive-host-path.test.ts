import rule from '../../../server/src/rules/compose/sensitive-host-path';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    volumes:\n      - /etc/localtime:/etc/localtime:ro\n'),
    web('    volumes:\n      - ./etc:/etc/nginx\n      - etc:/etc/data\n'),
    web('    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n'),
    web('    volumes:\n      - /srv/app:/app\n      - /etc/pihole:/etc/pihole\n'),
  ],
  invalid: [
    { code: web('    volumes:\n      - /:/host:ro\n'), errors: [{ messageId: 'sensitive', range: '5:9-5:19' }] },
    { code: web('    volumes:\n      - /etc/shadow:/etc/shadow:ro\n      - /proc:/host/proc\n'), errors: [{ messageId: 'sensitive', range: '5:9-5:35' }, { messageId: 'sensitive', range: '6:9-6:25' }] },
    { code: web('    volumes:\n      - type: bind\n        source: /var/lib/docker\n        target: /docker\n'), errors: [{ messageId: 'sensitive', range: '5:9-7:24' }] },
  ],
});
