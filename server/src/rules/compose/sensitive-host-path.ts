// Bind mounts of host directories that hold the keys to the host.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { absoluteBinds } from '../../compose/mounts';
import { rangeFor, via } from '../../compose/service';
import { isRuntimeSocketPath } from '../k8s/container-runtime-socket';
import { sensitivePath } from '../k8s/sensitive-host-path';

/** Files services routinely read from the host to share its clock settings; harmless read-only. */
const HARMLESS_READ_ONLY = ['/etc/localtime', '/etc/timezone', '/usr/share/zoneinfo'];

/**
 * Entries of /etc that configure the host itself. Self-hosted services keep their own configuration in /etc/<app>
 * (`/etc/pihole`), which is no key to the host; `compose/writable-host-mount` still reports it when writable.
 */
const HOST_ETC = /^\/etc\/(passwd|shadow|group|gshadow|sudoers(\.d)?|ssh|ssl|pki|security|pam\.d|kubernetes|docker|containerd|systemd|init\.d|cron[^/]*|crontab|ld\.so[^/]*|profile(\.d)?|environment|hosts|resolv\.conf|fstab|modprobe\.d|sysctl[^/]*|apparmor[^/]*|selinux|default|rc[^/]*|network[^/]*|netplan|machine-id)(\/|$)/;

export function isSensitiveHostPath(path: string): string | undefined {
  const dir = sensitivePath(path);
  return dir === '/etc' && path !== '/etc' && !HOST_ETC.test(path) ? undefined : dir;
}

export default composeRule({
  meta: {
    id: 'compose/sensitive-host-path',
    target: 'compose',
    title: 'Sensitive host directory mounted',
    severity: 'error',
    description:
      'Reports a bind mount whose host path is `/` or lies under /proc, /sys, /dev, /boot, /lib, /usr, /bin, /sbin, /root, /var/lib/docker and the other system directories (/home and /var/log only themselves), and /etc itself or the parts of it that configure the host (passwd, shadow, sudoers, ssh, ssl, cron, systemd, docker, …; an application\'s own /etc/<app> directory is not reported here). Read-only mounts of the time zone files (/etc/localtime, /etc/timezone, /usr/share/zoneinfo) are not reported, and runtime sockets are `compose/container-runtime-socket`\'s concern. KICS\'s "Volume Has Sensitive Host Directory" matches any path under /home, /var, /srv, /media and /run as well, so the two are not equivalent.',
    rationale: 'These directories hold host credentials (/etc/shadow, /root/.ssh), kernel interfaces (/proc, /sys) and the binaries the host runs; writing to them, or even reading them, hands over the host.',
    remediation: 'Mount only the file the service needs, read-only, or copy it into the image; use a named volume for data.',
    references: [{ title: 'Docker: Bind mounts', url: 'https://docs.docker.com/engine/storage/bind-mounts/' }],
    standards: { cis: ['CIS Docker 5.5'] },
    messages: { sensitive: 'Service `{{service}}` mounts the host path `{{path}}`{{under}}{{via}}.' },
    equivalents: [],
    examples: { bad: [exampleService('volumes:\n  - /etc:/host/etc\n')], good: [exampleService('volumes:\n  - /etc/localtime:/etc/localtime:ro\n  - ./conf:/etc/nginx/conf.d:ro\n')] },
  },
  check({ compose, service, report }) {
    for (const mount of absoluteBinds(compose, service)) {
      if (isRuntimeSocketPath(mount.path)) continue;
      if (mount.readOnly && HARMLESS_READ_ONLY.some((p) => mount.path === p || mount.path.startsWith(`${p}/`))) continue;
      const dir = isSensitiveHostPath(mount.path);
      if (dir) report({ messageId: 'sensitive', data: { service: service.name, path: mount.path, under: dir === mount.path ? '' : ` (under ${dir})`, via: via(mount.setting) }, range: rangeFor(compose, service, mount.setting, mount.node) });
    }
  },
});
