// Services left on the project's default network (hygiene; off by default).
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { setting } from '../../compose/service';

export default composeRule({
  meta: {
    id: 'compose/networks',
    target: 'compose',
    title: 'Service on the default network',
    severity: 'info',
    enabledByDefault: false,
    description: 'Reports a service that lists no `networks:` and sets no `network_mode:`, so it joins the project\'s default network with every other such service. KICS\'s "Networks Not Set" also reports services with `network_mode`, so the two are not equivalent.',
    rationale: 'On one shared network every service can reach every other one: a compromised web front end talks to the database admin port and to internal APIs that never needed to be reachable from it.',
    remediation: 'Declare networks per tier (`frontend`, `backend`) under top-level `networks:` and attach each service only to the ones it needs.',
    references: [{ title: 'Compose: Networking', url: 'https://docs.docker.com/compose/how-tos/networking/' }],
    messages: { defaultNetwork: 'Service `{{service}}` is on the default network; attach it to the networks it needs.' },
    equivalents: [],
    examples: { bad: [exampleService('')], good: [exampleService('networks: [frontend]\n'), exampleService('network_mode: "service:vpn"\n')] },
  },
  check({ service, report }) {
    if (setting(service, 'networks') || setting(service, 'network_mode')) return;
    report({ messageId: 'defaultNetwork', data: { service: service.name }, range: service.keyRange });
  },
});
