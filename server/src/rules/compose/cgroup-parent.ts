// Services placed under a custom parent cgroup.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { rangeFor, setting, via } from '../../compose/service';

export default composeRule({
  meta: {
    id: 'compose/cgroup-parent',
    target: 'compose',
    title: 'Custom parent cgroup',
    severity: 'warning',
    description: 'Reports a service that sets `cgroup_parent` to anything (as KICS\'s "Cgroup Not Default" does).',
    rationale: 'Under a custom parent cgroup the container escapes the limits and accounting Docker applies to its containers, and shares whatever limits (or lack of them) that cgroup has with the host processes in it.',
    remediation: 'Remove `cgroup_parent` and set limits on the service itself (`mem_limit`, `cpus`, `pids_limit`).',
    references: [{ title: 'Compose file reference: cgroup_parent', url: 'https://docs.docker.com/reference/compose-file/services/#cgroup_parent' }],
    standards: { cis: ['CIS Docker 5.19'] },
    messages: { custom: 'Service `{{service}}` runs under the custom parent cgroup `{{cgroup}}`{{via}}.' },
    equivalents: ['kics:4d9f44c6-2f4a-4317-9bb5-267adbea0232'],
    examples: { bad: [exampleService('cgroup_parent: m-executor-abcd\n')], good: [exampleService('mem_limit: 512m\n')] },
  },
  check({ compose, service, report }) {
    const s = setting(service, 'cgroup_parent');
    if (!s || s.value === undefined || (s.value && 'value' in s.value && s.value.value === null)) return;
    const cgroup = s.value.toString();
    report({ messageId: 'custom', data: { service: service.name, cgroup, via: via(s) }, range: rangeFor(compose, service, s) });
  },
});
