// Services that let processes gain privileges through setuid binaries and file capabilities.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { addListItem } from '../../compose/edit';
import { listItems } from '../../compose/syntax';
import { rangeFor, scalarOf, setting, via } from '../../compose/service';

export default composeRule({
  meta: {
    id: 'compose/no-new-privileges',
    target: 'compose',
    title: '`no-new-privileges` not set',
    severity: 'warning',
    description:
      'Reports a service whose `security_opt` has no `no-new-privileges:true` (or `no-new-privileges`, `=true`), and one that sets it to false. KICS\'s "No New Privileges Not Set" only looks at services that have a `security_opt` list; this rule also reports services without one.',
    rationale: 'Without it, a process can become root again through a setuid binary (su, sudo, ping on older images) or a file capability, undoing a non-root `user:` or dropped capabilities.',
    remediation: 'Add `no-new-privileges:true` to `security_opt`.',
    references: [{ title: 'Docker run reference: security configuration', url: 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt' }],
    standards: { cis: ['CIS Docker 5.25'] },
    fix: 'suggestion',
    messages: {
      missing: 'Service `{{service}}` does not set `no-new-privileges`.',
      disabled: 'Service `{{service}}` sets `no-new-privileges` to false{{via}}.',
      add: 'Add `no-new-privileges:true` to `security_opt`',
    },
    equivalents: [],
    examples: { bad: [exampleService(''), exampleService('security_opt: [no-new-privileges:false]\n')], good: [exampleService('security_opt: [no-new-privileges:true]\n')] },
  },
  check({ compose, service, report }) {
    const options = listItems(service, 'security_opt').map((e) => ({ ...e, text: (scalarOf(compose, e.item) ?? '').trim().toLowerCase() }));
    const nnp = options.find((o) => /^no-new-privileges(?:$|[:=])/.test(o.text));
    if (nnp && /^no-new-privileges(?:[:=]true)?$/.test(nnp.text)) return;
    if (nnp) {
      report({ messageId: 'disabled', data: { service: service.name, via: via(nnp.setting) }, range: rangeFor(compose, service, nnp.setting, nnp.item) });
      return;
    }
    const current = setting(service, 'security_opt');
    const edits = addListItem(compose, service, 'security_opt', 'no-new-privileges:true', current);
    report({
      messageId: 'missing',
      data: { service: service.name },
      range: current ? rangeFor(compose, service, current) : service.keyRange,
      ...(edits.length ? { suggestions: [{ messageId: 'add', edits }] } : {}),
    });
  },
});
