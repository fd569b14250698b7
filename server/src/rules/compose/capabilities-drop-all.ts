// Services that keep the runtime's default capability set.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { addListItem } from '../../compose/edit';
import { listItems } from '../../compose/syntax';
import { rangeFor, scalarOf, setting } from '../../compose/service';
import { capabilityName } from '../k8s/dangerous-capabilities';

export default composeRule({
  meta: {
    id: 'compose/capabilities-drop-all',
    target: 'compose',
    title: 'Capabilities not dropped',
    severity: 'warning',
    description: 'Reports a service whose `cap_drop` (its own, merged or inherited) does not contain `ALL`. Services with `privileged: true` are `compose/no-privileged`\'s concern and are still reported here.',
    rationale:
      'Docker grants a default set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, SYS_CHROOT, …) that most services never use; each one widens what an attacker with code execution can do, e.g. NET_RAW enables ARP and DNS spoofing on the Docker network.',
    remediation: 'Add `cap_drop: [ALL]` and add back with `cap_add:` only what the process needs (usually nothing, at most NET_BIND_SERVICE or the SETUID/SETGID pair an entrypoint uses to drop root).',
    references: [{ title: 'Compose file reference: cap_drop', url: 'https://docs.docker.com/reference/compose-file/services/#cap_drop' }],
    standards: { cis: ['CIS Docker 5.3'] },
    fix: 'suggestion',
    messages: {
      notDropped: 'Service `{{service}}` does not drop ALL capabilities.',
      addDropAll: 'Add `cap_drop: [ALL]`',
    },
    equivalents: [],
    examples: { bad: [exampleService('cap_drop: [NET_RAW]\n'), exampleService('')], good: [exampleService('cap_drop: [ALL]\n')] },
  },
  check({ compose, service, report }) {
    if (listItems(service, 'cap_drop').some(({ item }) => capabilityName(scalarOf(compose, item) ?? '') === 'ALL')) return;
    const current = setting(service, 'cap_drop');
    const edits = addListItem(compose, service, 'cap_drop', 'ALL', current);
    report({
      messageId: 'notDropped',
      data: { service: service.name },
      range: current ? rangeFor(compose, service, current) : service.keyRange,
      ...(edits.length ? { suggestions: [{ messageId: 'addDropAll', edits }] } : {}),
    });
  },
});
