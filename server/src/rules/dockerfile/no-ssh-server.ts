// An SSH server installed in the image.
import { dockerfileRule } from '../../dockerfile/rule';
import { osInstall } from '../../dockerfile/packages';
import { runCommands, wordRange } from '../../dockerfile/query';

const SERVERS = /^(openssh-server|openssh|dropbear|dropbear-ssh|tinyssh)(=.*|-\d.*)?$/;

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-ssh-server',
    target: 'dockerfile',
    title: 'SSH server installed',
    severity: 'warning',
    description: 'Reports installing an SSH server package (`openssh-server`, Alpine\'s `openssh`, `dropbear`, `tinyssh`) with apt, apk, yum/dnf or zypper. Exposing port 22 is `dockerfile/no-expose-ssh`.',
    rationale: 'An SSH daemon is a second, long-lived way into the container with its own keys and passwords to manage, and it bypasses the orchestrator\'s access control and audit. Containers are entered with `docker exec`/`kubectl exec` instead.',
    remediation: 'Remove the SSH server and use `docker exec`, `kubectl exec` or `kubectl debug`. Install only the client (`openssh-client`) if the build needs `ssh`/`scp`.',
    references: [{ title: 'Docker: docker exec', url: 'https://docs.docker.com/reference/cli/docker/container/exec/' }],
    standards: { cis: ['CIS Docker Benchmark 5.7: do not run ssh within containers'] },
    messages: {
      sshServer: '`{{package}}` installs an SSH server in the image; use `docker exec`/`kubectl exec` instead.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-client\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const { cmd } of runCommands(dockerfile)) {
      const install = osInstall(cmd);
      if (!install) continue;
      for (const p of install.packages) {
        if (SERVERS.test(p.value) && !(p.value.startsWith('openssh') && install.manager !== 'apk' && !p.value.startsWith('openssh-server'))) {
          report({ messageId: 'sshServer', data: { package: p.value }, range: wordRange(file, p) });
        }
      }
    }
  },
});
