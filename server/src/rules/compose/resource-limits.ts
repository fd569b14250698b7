// Services without a memory, CPU or process-count limit.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { lookup, scalarOf } from '../../compose/service';
import type { ComposeFile, ComposeService } from '../../compose/model';

/** Each limit with the places Compose reads it: the service key and `deploy.resources.limits`. */
const LIMITS = [
  { name: 'memory', paths: [['mem_limit'], ['deploy', 'resources', 'limits', 'memory']] },
  { name: 'CPU', paths: [['cpus'], ['cpu_quota'], ['deploy', 'resources', 'limits', 'cpus']] },
  { name: 'PID', paths: [['pids_limit'], ['deploy', 'resources', 'limits', 'pids']] },
] as const;

/** Set to something other than "unlimited" (`-1`, `0`), or to a value we cannot know. */
function limited(compose: ComposeFile, service: ComposeService, paths: readonly (readonly string[])[]): boolean {
  return paths.some((path) => {
    const hit = lookup(service, path);
    if (!hit || hit.entry.value === undefined) return false;
    const value = scalarOf(compose, hit.entry.value);
    return value === undefined || !/^(-1|0)$/.test(value.trim());
  });
}

export default composeRule({
  meta: {
    id: 'compose/resource-limits',
    target: 'compose',
    title: 'No resource limits',
    severity: 'info',
    description:
      'Reports a service that sets no memory limit (`mem_limit` or `deploy.resources.limits.memory`), no CPU limit (`cpus`, `cpu_quota` or `deploy.resources.limits.cpus`) or no process-count limit (`pids_limit` or `deploy.resources.limits.pids`), naming the missing ones in one finding. `-1` and `0` count as no limit. Unlike KICS, files without a `version` are checked too.',
    rationale: 'Without limits one service (or an attacker in it) can take every byte of memory, every CPU or every process slot of the host: a fork bomb or a leak takes the other services, and the host, down with it.',
    remediation: 'Set `mem_limit`, `cpus` and `pids_limit` (or the `deploy.resources.limits` block) to what the service needs with some headroom.',
    references: [{ title: 'Compose Deploy Specification: resources', url: 'https://docs.docker.com/reference/compose-file/deploy/#resources' }],
    standards: { cis: ['CIS Docker 5.10', 'CIS Docker 5.11', 'CIS Docker 5.28'] },
    messages: { missing: 'Service `{{service}}` has no {{limits}} limit.' },
    equivalents: [],
    examples: {
      bad: [exampleService(''), exampleService('mem_limit: 512m\n')],
      good: [exampleService('mem_limit: 512m\ncpus: 0.5\npids_limit: 200\n'), exampleService('deploy:\n  resources:\n    limits: {memory: 512M, cpus: "0.5", pids: 200}\n')],
    },
  },
  check({ compose, service, report }) {
    const missing = LIMITS.filter((l) => !limited(compose, service, l.paths)).map((l) => l.name);
    if (!missing.length) return;
    const limits = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]!}`;
    report({ messageId: 'missing', data: { service: service.name, limits }, range: service.keyRange });
  },
});
