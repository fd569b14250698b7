// Capabilities added beyond the runtime's default set.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { listItems } from '../../compose/syntax';
import { rangeFor, scalarOf, via } from '../../compose/service';
import { capabilityName, DANGEROUS_CAPABILITIES } from '../k8s/dangerous-capabilities';

export default composeRule({
  meta: {
    id: 'compose/added-capabilities',
    target: 'compose',
    title: 'Capability added',
    severity: 'warning',
    description:
      'Reports each `cap_add` entry that is not in the `allowed` option (default `NET_BIND_SERVICE`). Dangerous capabilities such as SYS_ADMIN are reported by `compose/dangerous-capabilities` instead. Unlike KICS\'s "Container Capabilities Unrestricted", an allowed capability is not reported and a missing `cap_drop` is `compose/capabilities-drop-all`\'s concern.',
    rationale: 'Every added capability is kernel privilege an attacker with code execution in the container inherits; most services need none beyond the defaults, and hardened ones need none at all.',
    remediation: 'Remove the capability if the service works without it; otherwise keep it, drop everything else with `cap_drop: [ALL]`, and allow it in this rule\'s options.',
    references: [{ title: 'Compose file reference: cap_add', url: 'https://docs.docker.com/reference/compose-file/services/#cap_add' }],
    standards: { cis: ['CIS Docker 5.3'] },
    messages: { added: 'Service `{{service}}` adds the capability {{capability}}{{via}}.' },
    equivalents: [],
    options: { allowed: { type: 'string[]', description: 'Capabilities that may be added without a finding.', default: ['NET_BIND_SERVICE'] } },
    examples: { bad: [exampleService('cap_add: [CHOWN]\n')], good: [exampleService('cap_add: [NET_BIND_SERVICE]\ncap_drop: [ALL]\n')] },
  },
  check({ compose, service, options, report }) {
    const allowed = new Set((Array.isArray(options.allowed) ? options.allowed : []).filter((c): c is string => typeof c === 'string').map(capabilityName));
    for (const { item, setting } of listItems(service, 'cap_add')) {
      const value = scalarOf(compose, item);
      if (value === undefined) continue;
      const name = capabilityName(value);
      if (allowed.has(name) || DANGEROUS_CAPABILITIES.has(name)) continue;
      report({ messageId: 'added', data: { service: service.name, capability: name, via: via(setting) }, range: rangeFor(compose, service, setting, item) });
    }
  },
});
