// Services without a health check (hygiene; off by default).
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { asSeq } from '../../yaml/nodes';
import { isTrue, lookup, rangeFor, scalarOf, setting } from '../../compose/service';

export default composeRule({
  meta: {
    id: 'compose/healthcheck',
    target: 'compose',
    title: 'No health check',
    severity: 'info',
    enabledByDefault: false,
    description:
      'Reports a service without `healthcheck:`, and one whose health check is switched off (`disable: true` or `test: ["NONE"]`), as KICS\'s "Healthcheck Not Set" does. A `HEALTHCHECK` in the image is not visible here, which is why the rule is off by default.',
    rationale: 'Without a health check Docker only knows whether the process runs, not whether it answers: `depends_on: condition: service_healthy` cannot wait for it and a hung service is never restarted.',
    remediation: 'Add a `healthcheck:` with a `test` that exercises the service (`["CMD", "pg_isready"]`, an HTTP probe), an `interval` and `retries`.',
    references: [{ title: 'Compose file reference: healthcheck', url: 'https://docs.docker.com/reference/compose-file/services/#healthcheck' }],
    standards: { cis: ['CIS Docker 4.6'] },
    messages: {
      missing: 'Service `{{service}}` has no health check.',
      disabled: 'Service `{{service}}` switches its health check off.',
    },
    equivalents: ['kics:698ed579-b239-4f8f-a388-baa4bcb13ef8'],
    examples: { bad: [exampleService(''), exampleService('healthcheck:\n  disable: true\n')], good: [exampleService('healthcheck:\n  test: ["CMD", "curl", "-f", "http://localhost/"]\n  interval: 30s\n')] },
  },
  check({ compose, service, report }) {
    const s = setting(service, 'healthcheck');
    if (!s || s.value === undefined) {
      report({ messageId: 'missing', data: { service: service.name }, range: service.keyRange });
      return;
    }
    const disable = lookup(service, ['healthcheck', 'disable']);
    const test = lookup(service, ['healthcheck', 'test']);
    const testItems = test ? asSeq(test.entry.value, test.setting.source.doc)?.items ?? [] : [];
    const none = testItems.length === 1 && scalarOf(compose, testItems[0] as never) === 'NONE';
    if (disable && isTrue(compose, disable.entry.value)) report({ messageId: 'disabled', data: { service: service.name }, range: rangeFor(compose, service, disable.setting, disable.entry.value) });
    else if (none && test) report({ messageId: 'disabled', data: { service: service.name }, range: rangeFor(compose, service, test.setting, test.entry.value) });
  },
});
