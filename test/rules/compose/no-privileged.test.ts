import rule from '../../../server/src/rules/compose/no-privileged';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    privileged: false\n'),
    web('    cap_add: [NET_ADMIN]\n'),
    { name: 'unknown variable', code: web('    privileged: ${PRIVILEGED}\n') },
    { name: 'the anchor nobody merges', code: `x-debug: &debug\n  privileged: true\n${web('')}` },
  ],
  invalid: [
    {
      code: web('    privileged: true # for eBPF\n    read_only: true\n'),
      errors: [{ messageId: 'privileged', range: '4:17-4:21' }],
      suggestions: [web('    read_only: true\n')],
    },
    {
      name: 'through a merge key: reported on the anchor for each service',
      code: 'x-base: &base\n  privileged: true\n  restart: always\nservices:\n  api:\n    <<: *base\n    image: api:1\n  web:\n    <<: *base\n    image: web:1\n',
      errors: [
        { messageId: 'privileged', range: '2:15-2:19' },
        { messageId: 'privileged', range: '2:15-2:19' },
      ],
    },
    {
      name: 'through extends: the base line, naming the service',
      code: 'services:\n  base:\n    image: x:1\n    privileged: "true"\n  web:\n    extends: base\n',
      errors: [
        { messageId: 'privileged', range: '4:17-4:23' },
        { messageId: 'privileged', range: '4:17-4:23' },
      ],
    },
    {
      name: 'flow style',
      code: 'services:\n  web: {image: "nginx:1.27.3", privileged: true, read_only: true}\n',
      errors: [{ messageId: 'privileged', range: '2:44-2:48' }],
      suggestions: ['services:\n  web: {image: "nginx:1.27.3", read_only: true}\n'],
    },
  ],
});
