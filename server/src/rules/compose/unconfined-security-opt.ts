// security_opt entries that switch off seccomp, AppArmor or SELinux confinement.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { listItems } from '../../compose/syntax';
import { rangeFor, scalarOf, via } from '../../compose/service';

/** `seccomp:unconfined` and `seccomp=unconfined` are the same option (Docker accepts both separators). */
function option(value: string): { name: string; arg: string } | undefined {
  const m = /^\s*([a-z-]+)\s*[:=]\s*(.*?)\s*$/i.exec(value);
  return m ? { name: m[1]!.toLowerCase(), arg: m[2]!.toLowerCase() } : undefined;
}

export default composeRule({
  meta: {
    id: 'compose/unconfined-security-opt',
    target: 'compose',
    title: 'Security profile switched off',
    severity: 'error',
    description: 'Reports `security_opt` entries `seccomp:unconfined`, `apparmor:unconfined` and `label:disable` (either `:` or `=` as separator).',
    rationale:
      'Docker\'s default seccomp profile blocks about 50 system calls used in container escapes (keyctl, unshare, mount, bpf, …); the default AppArmor profile and SELinux labels stop a compromised process from writing to /proc and /sys or reaching host files. Switching them off removes the layer that catches the kernel bugs capabilities do not.',
    remediation: 'Remove the entry. If a system call is missing, write a custom seccomp profile that allows just that call (`seccomp:./profile.json`).',
    references: [
      { title: 'Docker: Seccomp security profiles', url: 'https://docs.docker.com/engine/security/seccomp/' },
      { title: 'Docker: AppArmor security profiles', url: 'https://docs.docker.com/engine/security/apparmor/' },
    ],
    standards: { cis: ['CIS Docker 5.1', 'CIS Docker 5.2', 'CIS Docker 5.21'] },
    messages: {
      seccomp: 'Service `{{service}}` switches off the seccomp profile{{via}}.',
      apparmor: 'Service `{{service}}` switches off AppArmor{{via}}.',
      label: 'Service `{{service}}` switches off SELinux labelling{{via}}.',
    },
    equivalents: [],
    peerNotes: {
      'kics:404fde2c-bc4b-4371-9747-7054132ac953': 'matches only the `seccomp:unconfined` spelling; we also report `seccomp=unconfined`, which Docker treats the same.',
    },
    examples: { bad: [exampleService('security_opt:\n  - seccomp:unconfined\n')], good: [exampleService('security_opt:\n  - no-new-privileges:true\n  - seccomp:./seccomp.json\n')] },
  },
  check({ compose, service, report }) {
    for (const { item, setting } of listItems(service, 'security_opt')) {
      const opt = option(scalarOf(compose, item) ?? '');
      const messageId = opt?.name === 'seccomp' && opt.arg === 'unconfined' ? 'seccomp' : opt?.name === 'apparmor' && opt.arg === 'unconfined' ? 'apparmor' : opt?.name === 'label' && opt.arg === 'disable' ? 'label' : undefined;
      if (messageId) report({ messageId, data: { service: service.name, via: via(setting) }, range: rangeFor(compose, service, setting, item) });
    }
  },
});
