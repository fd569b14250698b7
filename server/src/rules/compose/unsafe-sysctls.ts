// Service sysctls outside the set known not to affect other containers or the host.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { entries } from '../../compose/model';
import { rangeFor, scalarOf, via } from '../../compose/service';
import { asMap, asSeq } from '../../yaml/nodes';
import type { Node } from 'yaml';
import { BASELINE_SAFE_SYSCTLS as SAFE } from '../../k8s/sysctls';


export default composeRule({
  meta: {
    id: 'compose/unsafe-sysctls',
    target: 'compose',
    title: 'Unsafe sysctl',
    severity: 'warning',
    description: 'Reports a `sysctls:` entry (map or list syntax) whose name is not in the safe set Kubernetes\' Baseline standard uses (`net.ipv4.ip_unprivileged_port_start`, `net.ipv4.tcp_keepalive_time`, …).',
    rationale:
      'Docker only accepts namespaced sysctls, but several of them still reach beyond the container: IPC limits (`kernel.shmmax`, `kernel.msgmax`) let one container pin host kernel memory, and `net.ipv4.ip_forward` or `conf.*` settings turn the container into a router on the Docker network.',
    remediation: 'Remove the sysctl; if it is essential (a VPN gateway forwarding packets), run that service on its own network and write down why.',
    references: [{ title: 'Compose file reference: sysctls', url: 'https://docs.docker.com/reference/compose-file/services/#sysctls' }],
    messages: { unsafe: 'Service `{{service}}` sets the sysctl `{{name}}`, which is not in the safe set{{via}}.' },
    equivalents: [],
    examples: { bad: [exampleService('sysctls:\n  net.ipv4.ip_forward: 1\n')], good: [exampleService('sysctls:\n  net.ipv4.ip_unprivileged_port_start: 80\n')] },
  },
  check({ compose, service, report }) {
    for (const s of service.settings.get('sysctls') ?? []) {
      const found: { name: string; node: Node }[] = [];
      const map = asMap(s.value, s.source.doc);
      if (map) for (const e of entries(map, s.source.doc)) found.push({ name: e.key, node: e.pair.key as Node });
      for (const item of asSeq(s.value, s.source.doc)?.items ?? []) {
        const name = scalarOf(compose, item as Node)?.split('=')[0]?.trim();
        if (name) found.push({ name, node: item as Node });
      }
      for (const { name, node } of found) {
        if (!SAFE.has(name.replace(/\//g, '.'))) report({ messageId: 'unsafe', data: { service: service.name, name, via: via(s) }, range: rangeFor(compose, service, s, node) });
      }
    }
  },
});
