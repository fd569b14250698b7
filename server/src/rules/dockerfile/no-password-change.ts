// Passwords set, removed or changed in the image.
import { dockerfileRule } from '../../dockerfile/rule';
import { runCommands, wordRange } from '../../dockerfile/query';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-password-change',
    target: 'dockerfile',
    title: 'Password set or changed in the image',
    severity: 'warning',
    description:
      'Reports `chpasswd`, `passwd` (except `-l`/`--lock` and `-S`/`--status`), `usermod -p`/`--password` and `useradd -p`/`--password` in `RUN`.',
    rationale:
      'A password baked into an image is in every copy of it and in its layer history (often with the clear text in the same RUN line); an empty or deleted password (`passwd -d`) lets anyone log in. Containers need no password logins: access comes from the orchestrator.',
    remediation: 'Do not set passwords in images. Create accounts without a password (`useradd --no-log-init -r -u 10001 app`), lock them (`passwd -l`), and supply any credential at run time from a secret store.',
    references: [{ title: 'Checkov CKV2_DOCKER_17', url: 'https://docs.prismacloud.io/en/enterprise-edition/policy-reference/docker-policies/docker-policy-index/ensure-docker-chpasswd-is-not-used' }],
    standards: { cis: ['CIS Docker Benchmark 4.10: do not store secrets in Dockerfiles'] },
    messages: {
      chpasswd: '`chpasswd` sets a password inside the image; containers should not have password logins.',
      passwd: '`passwd {{args}}` changes a password inside the image; lock the account instead (`passwd -l`).',
      usermodPassword: '`{{name}} {{flag}}` bakes a password hash into the image.',
    },
    equivalents: ['checkov:CKV2_DOCKER_17'],
    examples: {
      bad: ['FROM debian:12\nRUN echo "root:hunter2" | chpasswd\n'],
      good: ['FROM debian:12\nRUN useradd --no-log-init -r -u 10001 app && passwd -l app\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const { cmd } of runCommands(dockerfile)) {
      const name = cmd.name;
      const head = cmd.argv[0];
      if (!head) continue;
      if (name === 'chpasswd') report({ messageId: 'chpasswd', range: wordRange(file, head) });
      else if (name === 'passwd') {
        const args = cmd.argv.slice(1).map((w) => w.value);
        if (args.some((a) => /^-(l|S|-lock|-status)$/.test(a) || /^-[a-zA-Z]*[lS][a-zA-Z]*$/.test(a))) continue;
        report({ messageId: 'passwd', data: { args: args.join(' ') || '(interactive)' }, range: wordRange(file, head) });
      } else if (name === 'usermod' || name === 'useradd' || name === 'adduser') {
        const flag = cmd.argv.find((w) => w.value === '-p' || w.value === '--password' || w.value.startsWith('--password='));
        if (flag) report({ messageId: 'usermodPassword', data: { name, flag: flag.value.split('=')[0]! }, range: wordRange(file, flag) });
      }
    }
  },
});
