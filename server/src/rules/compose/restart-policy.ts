// Services without a restart policy (hygiene; off by default).
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { lookup, rangeFor, scalarOf, setting } from '../../compose/service';

export default composeRule({
  meta: {
    id: 'compose/restart-policy',
    target: 'compose',
    title: 'No restart policy',
    severity: 'info',
    enabledByDefault: false,
    description:
      'Reports a service with neither `restart:` nor `deploy.restart_policy`, or with `restart: "no"`. KICS\'s "Restart Policy On Failure Not Set To 5" asks a different question (the retry count of `on-failure`) and is not equivalent.',
    rationale: 'A long-running service without a restart policy stays down after a crash or a host reboot until someone notices.',
    remediation: 'Set `restart: unless-stopped` (or `on-failure:5` to give up on a crash loop) on long-running services; one-off tasks can stay `"no"`.',
    references: [{ title: 'Compose file reference: restart', url: 'https://docs.docker.com/reference/compose-file/services/#restart' }],
    messages: {
      missing: 'Service `{{service}}` has no restart policy.',
      never: 'Service `{{service}}` is never restarted.',
    },
    equivalents: [],
    examples: { bad: [exampleService(''), exampleService('restart: "no"\n')], good: [exampleService('restart: unless-stopped\n')] },
  },
  check({ compose, service, report }) {
    const s = setting(service, 'restart');
    if (s) {
      if (scalarOf(compose, s.value) === 'no') report({ messageId: 'never', data: { service: service.name }, range: rangeFor(compose, service, s) });
      return;
    }
    if (!lookup(service, ['deploy', 'restart_policy'])) report({ messageId: 'missing', data: { service: service.name }, range: service.keyRange });
  },
});
