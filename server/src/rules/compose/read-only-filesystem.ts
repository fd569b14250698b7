// Services whose root filesystem is writable.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { setScalar } from '../../compose/edit';
import { isTrue, rangeFor, setting, via } from '../../compose/service';

export default composeRule({
  meta: {
    id: 'compose/read-only-filesystem',
    target: 'compose',
    title: 'Root filesystem writable',
    severity: 'warning',
    description: 'Reports a service without `read_only: true` (its own, merged or inherited), and one that sets it to false.',
    rationale: 'A writable root filesystem lets an attacker who gets code execution replace the application\'s binaries and scripts, drop tools and persist until the container is recreated.',
    remediation: 'Set `read_only: true` and give the paths the service writes a `tmpfs:` (for /tmp, /run) or a volume.',
    references: [{ title: 'Compose file reference: read_only', url: 'https://docs.docker.com/reference/compose-file/services/#read_only' }],
    standards: { cis: ['CIS Docker 5.13'] },
    fix: 'suggestion',
    messages: {
      writable: 'Service `{{service}}` has a writable root filesystem{{via}}.',
      setReadOnly: 'Set `read_only: true`',
    },
    equivalents: [],
    examples: { bad: [exampleService(''), exampleService('read_only: false\n')], good: [exampleService('read_only: true\ntmpfs: [/tmp]\n')] },
  },
  check({ compose, service, report }) {
    const s = setting(service, 'read_only');
    if (s && isTrue(compose, s.value)) return;
    const edits = setScalar(compose, service, 'read_only', 'true', s);
    report({
      messageId: 'writable',
      data: { service: service.name, via: via(s) },
      range: s ? rangeFor(compose, service, s) : service.keyRange,
      ...(edits.length ? { suggestions: [{ messageId: 'setReadOnly', edits }] } : {}),
    });
  },
});
