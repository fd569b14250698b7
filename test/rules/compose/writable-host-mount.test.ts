import rule from '../../../server/src/rules/compose/writable-host-mount';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    volumes:\n      - /srv/site:/usr/share/nginx/html:ro\n'),
    web('    volumes:\n      - ./data:/data\n      - logs:/var/log/nginx\n'),
    web('    volumes:\n      - type: bind\n        source: /srv/site\n        target: /site\n        read_only: true\n'),
    web('    volumes:\n      - /etc:/host/etc\n'),
  ],
  invalid: [
    {
      code: web('    volumes:\n      - /srv/site:/usr/share/nginx/html\n'),
      errors: [{ messageId: 'writable', range: '5:9-5:40' }],
      suggestions: [web('    volumes:\n      - /srv/site:/usr/share/nginx/html:ro\n')],
    },
    {
      code: web('    volumes:\n      - "/srv/site:/site:z"\n'),
      errors: [{ messageId: 'writable', range: '5:9-5:28' }],
      suggestions: [web('    volumes:\n      - "/srv/site:/site:z,ro"\n')],
    },
    {
      code: web('    volumes:\n      - type: bind\n        source: /srv/site\n        target: /site\n'),
      errors: [{ messageId: 'writable', range: '5:9-7:22' }],
      suggestions: [web('    volumes:\n      - type: bind\n        source: /srv/site\n        target: /site\n        read_only: true\n')],
    },
  ],
});
