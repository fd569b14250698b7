// Services running in privileged mode.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { removePair } from '../../compose/edit';
import { canEdit, isTrue, rangeFor, setting, via } from '../../compose/service';

export default composeRule({
  meta: {
    id: 'compose/no-privileged',
    target: 'compose',
    title: 'Service runs privileged',
    severity: 'error',
    description: 'Reports a service with `privileged: true`, set in the service itself, through a merge key or through `extends`.',
    rationale:
      'A privileged container gets every capability, every host device and no seccomp or AppArmor confinement: root in the container is root on the host, and escaping takes one `mount` of the host disk.',
    remediation: 'Remove `privileged: true` and grant only what the service needs: a device with `devices:`, a capability with `cap_add:`.',
    references: [
      { title: 'Docker: Runtime privilege and Linux capabilities', url: 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities' },
      { title: 'Compose file reference: privileged', url: 'https://docs.docker.com/reference/compose-file/services/#privileged' },
    ],
    standards: { cis: ['CIS Docker 5.4'] },
    fix: 'suggestion',
    messages: {
      privileged: 'Service `{{service}}` runs privileged{{via}}.',
      remove: 'Remove `privileged: true`',
    },
    equivalents: ['kics:ae5b6871-7f45-42e0-bb4c-ab300c4d2026'],
    examples: { bad: [exampleService('privileged: true\n')], good: [exampleService('privileged: false\n'), exampleService('cap_add: [NET_ADMIN]\ncap_drop: [ALL]\n')] },
  },
  check({ compose, service, report }) {
    const s = setting(service, 'privileged');
    if (!s || !isTrue(compose, s.value)) return;
    const edits = canEdit(compose, s) ? removePair(compose.file, s.map, s.pair) : [];
    report({
      messageId: 'privileged',
      data: { service: service.name, via: via(s) },
      range: rangeFor(compose, service, s),
      ...(edits.length ? { suggestions: [{ messageId: 'remove', edits }] } : {}),
    });
  },
});
