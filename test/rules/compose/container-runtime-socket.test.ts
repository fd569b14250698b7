import rule from '../../../server/src/rules/compose/container-runtime-socket';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: traefik:3.2\n${body}`;

ruleTester(rule, {
  valid: [
    web('    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n'),
    web('    volumes:\n      - docker-sock:/var/run/docker.sock\n'),
    web('    volumes:\n      - ${SOCK}:/var/run/docker.sock\n'),
  ],
  invalid: [
    { code: web('    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n'), errors: [{ messageId: 'socket', range: '5:9-5:53' }] },
    { code: web('    volumes:\n      - type: bind\n        source: /run/containerd/containerd.sock\n        target: /run/containerd.sock\n'), errors: [{ messageId: 'socket', range: '5:9-7:37' }] },
    { code: web('    volumes:\n      - "${DOCKER_SOCK:-//var/run/docker.sock}:/var/run/docker.sock"\n'), errors: [{ messageId: 'socket', range: '5:9-5:69' }] },
  ],
});
