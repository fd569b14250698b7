// Datastore, admin and debug ports published on every host interface.
import { isScalar } from 'yaml';
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { localReason } from '../../compose/local';
import { canEdit, rangeFor, via } from '../../compose/service';
import { isAllInterfaces, portNumbers, portsOf, valueSpan, type PortMapping } from '../../compose/syntax';
import { insertPair, replaceNode } from '../../k8s/edit';
import { fieldOf, type ComposeFile } from '../../compose/model';
import type { TextEdit } from '../../core/types';

function bindLocal(compose: ComposeFile, port: PortMapping): TextEdit[] {
  const { file } = compose;
  const { doc } = port.setting.source;
  if (port.long) {
    const map = port.node as Parameters<typeof insertPair>[1];
    const hostIp = fieldOf(map, 'host_ip', doc);
    return hostIp?.value ? replaceNode(file, hostIp.value, '127.0.0.1') : insertPair(file, map, ['host_ip'], '127.0.0.1');
  }
  if (!isScalar(port.node)) return [];
  if (typeof port.node.value === 'number') return replaceNode(file, port.node, `"127.0.0.1::${port.node.value}"`);
  const span = valueSpan(file, port.node);
  if (!span) return [];
  const text = file.text.slice(span.start, span.end);
  const explicit = /^(0\.0\.0\.0|\[::\]|::):/.exec(text);
  if (explicit) return [{ range: file.rangeOf(span.start, span.start + explicit[1]!.length), newText: '127.0.0.1' }];
  return [{ range: file.rangeOf(span.start, span.start), newText: port.published === undefined && !text.includes(':') ? '127.0.0.1::' : '127.0.0.1:' }];
}

export default composeRule({
  meta: {
    id: 'compose/port-all-interfaces',
    target: 'compose',
    title: 'Local-only port published on all interfaces',
    severity: 'warning',
    description:
      'Reports a `ports:` entry without a host address (or with `0.0.0.0`/`::`) whose container port belongs to a datastore, broker admin interface, runtime API or debugger (PostgreSQL 5432, MySQL 3306, Redis 6379, MongoDB 27017, Elasticsearch 9200, Docker 2375, JDWP 5005, Node inspector 9229, …), or any published port of a datastore image. Other ports are meant to be reached and are not reported (KICS reports every port without a host address).',
    rationale:
      'Docker publishes ports on every interface and inserts its own iptables rules ahead of the host firewall (ufw, firewalld), so a database meant for the app next to it is reachable from the network, often with a default or no password. Debug ports run code for whoever connects.',
    remediation: 'Bind the port to the loopback address (`127.0.0.1:5432:5432`), or do not publish it at all: services on the same Compose network reach it by service name.',
    references: [
      { title: 'Docker: Packet filtering and firewalls (published ports bypass ufw)', url: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/' },
      { title: 'Compose file reference: ports', url: 'https://docs.docker.com/reference/compose-file/services/#ports' },
    ],
    standards: { cis: ['CIS Docker 5.14'] },
    fix: 'suggestion',
    messages: {
      exposed: 'Service `{{service}}` publishes port {{port}} ({{what}}) on all host interfaces{{via}}.',
      bindLocal: 'Bind port {{port}} to 127.0.0.1',
    },
    equivalents: [],
    examples: { bad: [exampleService('ports:\n  - "5432:5432"\n', 'postgres:17.2')], good: [exampleService('ports:\n  - "127.0.0.1:5432:5432"\n', 'postgres:17.2'), exampleService('ports:\n  - "8080:80"\n')] },
  },
  check({ compose, service, report }) {
    for (const port of portsOf(compose, service)) {
      if (!isAllInterfaces(port.hostIp)) continue;
      const target = portNumbers(port.target)[0];
      const what = target === undefined ? undefined : localReason(compose, service, target);
      if (!what || target === undefined) continue;
      const edits = canEdit(compose, port.setting) ? bindLocal(compose, port) : [];
      report({
        messageId: 'exposed',
        data: { service: service.name, port: target, what, via: via(port.setting) },
        range: rangeFor(compose, service, port.setting, port.node),
        ...(edits.length ? { suggestions: [{ messageId: 'bindLocal', data: { port: target }, edits }] } : {}),
      });
    }
  },
});
