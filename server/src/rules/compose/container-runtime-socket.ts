// The Docker (or another runtime's) API socket mounted into a service.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { absoluteBinds } from '../../compose/mounts';
import { rangeFor, via } from '../../compose/service';
import { isRuntimeSocketPath } from '../k8s/container-runtime-socket';

export default composeRule({
  meta: {
    id: 'compose/container-runtime-socket',
    target: 'compose',
    title: 'Container runtime socket mounted',
    severity: 'error',
    description:
      'Reports a bind mount (short or long syntax) of the Docker, containerd, CRI-O or Podman socket, or of a directory that holds one (`/var/run`, `/run`, …). KICS\'s "Docker Socket Mounted In Container" looks only for `docker.sock` in the short syntax; this rule decides those cases the same and also the others.',
    rationale: 'Whoever talks to the runtime socket can start a privileged container with the host\'s root filesystem mounted: it is root on the host. A read-only bind (`:ro`) does not help, since the API is reached by writing to the socket.',
    remediation: 'Do not mount the socket. Use a socket proxy that allows only the read-only API calls the service makes (for example tecnativa/docker-socket-proxy), or rootless Docker for the tool that needs it.',
    references: [
      { title: 'Docker: Protect the Docker daemon socket', url: 'https://docs.docker.com/engine/security/protect-access/' },
      { title: 'OWASP Docker Security Cheat Sheet, rule 1', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    ],
    standards: { cis: ['CIS Docker 5.31'] },
    messages: { socket: 'Service `{{service}}` mounts the container runtime socket `{{path}}`{{via}}.' },
    equivalents: [],
    peerNotes: {
      'kics:d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b': 'looks for `docker.sock` in the short volume syntax only; we also report the long syntax, and the containerd, CRI-O and Podman sockets (or a directory holding one).',
    },
    examples: { bad: [exampleService('volumes:\n  - /var/run/docker.sock:/var/run/docker.sock\n')], good: [exampleService('volumes:\n  - ./html:/usr/share/nginx/html:ro\n')] },
  },
  check({ compose, service, report }) {
    for (const mount of absoluteBinds(compose, service)) {
      if (isRuntimeSocketPath(mount.path)) report({ messageId: 'socket', data: { service: service.name, path: mount.path, via: via(mount.setting) }, range: rangeFor(compose, service, mount.setting, mount.node) });
    }
  },
});
