// Added capabilities that amount to root on the host (or close to it).
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { listItems } from '../../compose/syntax';
import { rangeFor, scalarOf, via } from '../../compose/service';
import { capabilityName, DANGEROUS_CAPABILITIES } from '../k8s/dangerous-capabilities';

export default composeRule({
  meta: {
    id: 'compose/dangerous-capabilities',
    target: 'compose',
    title: 'Dangerous capability added',
    severity: 'error',
    description: `Reports a \`cap_add\` entry that breaks isolation: ${[...DANGEROUS_CAPABILITIES].join(', ')} (with or without the \`CAP_\` prefix). Other added capabilities are \`compose/added-capabilities\`'s concern.`,
    rationale:
      'SYS_ADMIN is most of root (mount, namespaces, BPF); SYS_MODULE loads kernel code; SYS_PTRACE reads and rewrites other processes; NET_ADMIN and NET_RAW rewrite and spoof the network; ALL grants every one of them.',
    remediation: 'Remove the capability. If the service truly needs it, run it on a dedicated host and write down why.',
    references: [{ title: 'Docker: Runtime privilege and Linux capabilities', url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities' }],
    standards: { cis: ['CIS Docker 5.3'] },
    messages: { dangerous: 'Service `{{service}}` adds the dangerous capability {{capability}}{{via}}.' },
    equivalents: [],
    examples: { bad: [exampleService('cap_add: [SYS_ADMIN]\n')], good: [exampleService('cap_add: [NET_BIND_SERVICE]\ncap_drop: [ALL]\n')] },
  },
  check({ compose, service, report }) {
    for (const { item, setting } of listItems(service, 'cap_add')) {
      const value = scalarOf(compose, item);
      if (value === undefined || !DANGEROUS_CAPABILITIES.has(capabilityName(value))) continue;
      report({ messageId: 'dangerous', data: { service: service.name, capability: capabilityName(value), via: via(setting) }, range: rangeFor(compose, service, setting, item) });
    }
  },
});
