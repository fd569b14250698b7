import rule from '../../../server/src/rules/compose/host-namespaces';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ruleSetOf } from '../../../server/src/api';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    network_mode: bridge\n'),
    web('    pid: "service:app"\n    ipc: shareable\n'),
    web('    network_mode: ${MODE:-bridge}\n'),
    web('    userns_mode: "keep-id"\n'),
    { name: 'joins a service that keeps its own network', code: web('    network_mode: "service:vpn"\n  vpn:\n    image: wg:1\n') },
    { name: 'joins an included service that keeps its own network', code: `include:\n  - vpn.yaml\n${web('    network_mode: "service:vpn"\n')}`, files: { 'vpn.yaml': 'services:\n  vpn:\n    image: wg:1\n' } },
    { name: 'a container outside the project is not followed', code: web('    network_mode: "container:vpn"\n') },
    { name: 'the included file cannot be read', code: `include:\n  - vpn.yaml\n${web('    network_mode: "service:vpn"\n')}` },
  ],
  invalid: [
    { code: web('    network_mode: host\n'), errors: [{ messageId: 'network', range: '4:19-4:23' }] },
    { code: web('    pid: host\n    ipc: host\n'), errors: [{ messageId: 'pid', range: '4:10-4:14' }, { messageId: 'ipc', range: '5:10-5:14' }] },
    { code: web('    userns_mode: "host"\n'), errors: [{ messageId: 'userns', range: '4:18-4:24' }] },
    { name: 'from the .env default', code: web('    network_mode: ${NET_MODE:-host}\n'), errors: [{ messageId: 'network', range: '4:19-4:36' }] },
    {
      name: 'joins a service of this file that uses the host network',
      code: web('    network_mode: "service:vpn"\n  vpn:\n    image: wg:1\n    network_mode: host\n'),
      errors: [{ messageId: 'network', range: '4:19-4:32' }, { messageId: 'network', range: '7:19-7:23' }],
    },
    {
      name: 'joins a service an included file defines with the host PID namespace (the finding stays in this file)',
      code: `include:\n  - path: tools/debug.yaml\n${web('    pid: "service:debug"\n')}`,
      files: { 'tools/debug.yaml': 'services:\n  debug:\n    image: busybox:1.36\n    pid: host\n' },
      errors: [{ messageId: 'pid', range: '6:10-6:25' }],
    },
    {
      name: 'a chain of service: references ending at the host network, read with the include\'s env_file',
      code: `include:\n  - path: net.yaml\n    env_file: env.vpn\n${web('    network_mode: service:proxy\n')}`,
      files: { 'net.yaml': 'services:\n  proxy:\n    image: envoy:1\n    network_mode: "service:vpn"\n  vpn:\n    image: wg:1\n    network_mode: ${VPN_NET}\n', '.env': 'VPN_NET=ignored\n', 'env.vpn': 'VPN_NET=host\n' },
      errors: [{ messageId: 'network', range: '7:19-7:32' }],
    },
  ],
});

test('compose/host-namespaces: a shared namespace names the service it goes through and the file that defines it', () => {
  const files: Record<string, string> = { 'tools/debug.yaml': 'services:\n  debug:\n    image: busybox:1.36\n    pid: host\n' };
  const text = `include:\n  - path: tools/debug.yaml\n${web('    pid: "service:debug"\n  local:\n    image: wg:1\n    network_mode: "service:web"\n')}`;
  const found = lint({ path: 'compose.yaml', text, readFile: (p) => files[p] }, {}, ruleSetOf([rule])).findings;
  assert.deepEqual(found.map((f) => f.message), ['Service `web` shares the host PID namespace, through service `debug` (from tools/debug.yaml).']);
});
