// Services that join the host's network, PID, IPC or user namespace.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import type { ComposeFile, ComposeService } from '../../compose/model';
import { projectService, rangeFor, scalarOf, setting, via } from '../../compose/service';

const NAMESPACES = [
  { key: 'network_mode', messageId: 'network' },
  { key: 'pid', messageId: 'pid' },
  { key: 'ipc', messageId: 'ipc' },
  { key: 'userns_mode', messageId: 'userns' },
] as const;

export default composeRule({
  meta: {
    id: 'compose/host-namespaces',
    target: 'compose',
    title: 'Service shares a host namespace',
    severity: 'error',
    description:
      'Reports `network_mode: host`, `pid: host`, `ipc: host` and `userns_mode: host`, and joining the namespace of another service of the project (`network_mode: "service:vpn"`, in this file or one it pulls in with `include:`) that uses the host\'s; the finding goes on the `service:` reference and names the service. Sharing a non-host namespace, or a container\'s outside the project (`container:x`), is not reported. KICS reports the literal `host` values only.',
    rationale:
      'The host network namespace exposes every host interface and localhost-only service (Docker\'s API on tcp, cloud metadata, databases bound to 127.0.0.1); the host PID namespace lets the container see, signal and ptrace host processes; the host IPC namespace exposes shared memory of host processes; the host user namespace switches off user-namespace remapping, so root in the container is root on the host.',
    remediation: 'Remove the setting. Publish ports with `ports:` instead of the host network; use a shared namespace with one other service (`pid: "service:app"`) when a sidecar needs it.',
    references: [
      { title: 'Compose file reference: network_mode, pid, ipc, userns_mode', url: 'https://docs.docker.com/reference/compose-file/services/#network_mode' },
      { title: 'Docker: Isolate containers with a user namespace', url: 'https://docs.docker.com/engine/security/userns-remap/' },
    ],
    standards: { cis: ['CIS Docker 5.9', 'CIS Docker 5.15', 'CIS Docker 5.16', 'CIS Docker 5.30'] },
    messages: {
      network: 'Service `{{service}}` uses the host network{{via}}.',
      pid: 'Service `{{service}}` shares the host PID namespace{{via}}.',
      ipc: 'Service `{{service}}` shares the host IPC namespace{{via}}.',
      userns: 'Service `{{service}}` uses the host user namespace{{via}}.',
    },
    equivalents: [],
    messageEquivalents: {
      network: ['kics:071a71ff-f868-47a4-ac0b-3c59e4ab5443'],
      pid: ['kics:4f31dd9f-2cc3-4751-9b53-67e4af83dac0'],
      ipc: ['kics:baa3890f-bed7-46f5-ab8f-1da8fc91c729'],
      userns: ['kics:8af7162d-6c98-482f-868e-0d33fb675ca8'],
    },
    examples: { bad: [exampleService('network_mode: host\n'), exampleService('pid: host\n')], good: [exampleService('network_mode: bridge\npid: "service:app"\n')] },
  },
  check({ compose, service, report }) {
    for (const { key, messageId } of NAMESPACES) {
      const s = setting(service, key);
      const value = s && scalarOf(compose, s.value);
      if (!s || value === undefined) continue;
      if (value === 'host') report({ messageId, data: { service: service.name, via: via(s) }, range: rangeFor(compose, service, s) });
      else {
        const through = hostThrough(compose, value, key);
        if (through) report({ messageId, data: { service: service.name, via: `${via(s)}, through service \`${through.name}\`${through.from ? ` (from ${through.from})` : ''}` }, range: rangeFor(compose, service, s) });
      }
    }
  },
});

/** The service a `service:<name>` chain ends at when that one uses the host's namespace (`key` is not `userns_mode`). */
function hostThrough(compose: ComposeFile, value: string, key: string, depth = 0): { name: string; from?: string } | undefined {
  const name = /^service:(.+)$/.exec(value)?.[1]?.trim();
  if (!name || depth > 8 || key === 'userns_mode') return undefined;
  const found = projectService(compose, name);
  if (!found) return undefined;
  const next = namespaceOf(found.compose, found.service, key);
  if (next === 'host') return { name, ...(found.from ? { from: found.from } : {}) };
  return next === undefined ? undefined : hostThrough(found.compose, next, key, depth + 1) && { name, ...(found.from ? { from: found.from } : {}) };
}

function namespaceOf(compose: ComposeFile, service: ComposeService, key: string): string | undefined {
  const s = setting(service, key);
  return s ? scalarOf(compose, s.value) : undefined;
}
