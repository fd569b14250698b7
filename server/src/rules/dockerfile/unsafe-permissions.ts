// World-writable files and setuid/setgid bits set during the build.
import { dockerfileRule } from '../../dockerfile/rule';
import { runCommands, wordRange } from '../../dockerfile/query';

type Problem = 'worldWritable' | 'setuid';

/** What is wrong with a chmod mode (octal or symbolic); the sticky bit marks a shared directory like /tmp. */
export function modeProblem(mode: string): Problem | undefined {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const m = parseInt(mode, 8);
    const sticky = (m & 0o1000) !== 0;
    if ((m & 0o6000) !== 0 && !sticky) return 'setuid';
    if ((m & 0o002) !== 0 && !sticky) return 'worldWritable';
    return undefined;
  }
  let sticky = false;
  let result: Problem | undefined;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m || m[2] === '-') continue;
    const who = m[1] || 'a';
    const perms = m[3]!;
    if (perms.includes('t')) sticky = true;
    if (perms.includes('s') && /[uga]/.test(who)) result ??= 'setuid';
    if (perms.includes('w') && /[oa]/.test(who) && m[1] !== '') result ??= 'worldWritable';
  }
  return sticky ? undefined : result;
}

export default dockerfileRule({
  meta: {
    id: 'dockerfile/unsafe-permissions',
    target: 'dockerfile',
    title: 'World-writable or setuid permissions',
    severity: 'warning',
    description:
      'Reports `chmod` (and `COPY`/`ADD --chmod`) modes that make files writable by everyone (`777`, `666`, `o+w`, `a+w`) or set the setuid/setgid bit (`4755`, `u+s`, `g+s`). Modes with the sticky bit (`1777`, `+t`) are the accepted pattern for shared directories such as `/tmp` and are not reported.',
    rationale:
      'A world-writable file or directory lets any process in the container, whatever its user, replace code or configuration the application trusts. Setuid and setgid binaries are the classic way from an unprivileged user back to root.',
    remediation: 'Give ownership to the user that needs it (`chown 10001:10001 /app/data` or `COPY --chown=10001:10001`) and use `755`/`644` (or `775` for a shared group). Remove setuid bits from binaries you do not need (`chmod u-s`).',
    references: [
      { title: 'CIS Docker Benchmark 4.8: remove setuid and setgid permissions', url: 'https://www.cisecurity.org/benchmark/docker' },
      { title: 'GNU coreutils: chmod modes', url: 'https://www.gnu.org/software/coreutils/manual/html_node/File-permissions.html' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.8: remove setuid and setgid permissions'] },
    messages: {
      worldWritable: 'Mode `{{mode}}` makes this writable by every user in the container; give ownership to the user that needs it instead.',
      setuid: 'Mode `{{mode}}` sets the setuid/setgid bit, a path from an unprivileged user back to root.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM alpine:3.20\nRUN chmod -R 777 /app\n', 'FROM alpine:3.20\nCOPY --chmod=4755 tool /usr/local/bin/tool\n'],
      good: ['FROM alpine:3.20\nRUN chown -R 10001:10001 /app && chmod 755 /app && chmod 1777 /tmp/shared\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const { cmd } of runCommands(dockerfile)) {
      if (cmd.name !== 'chmod') continue;
      const mode = cmd.argv.slice(1).find((w) => !/^-[a-zA-Z]+$/.test(w.value) && !w.value.startsWith('--'));
      if (!mode || mode.dynamic) continue;
      const problem = modeProblem(mode.value);
      if (problem) report({ messageId: problem, data: { mode: mode.value }, range: wordRange(file, mode) });
    }
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'COPY' && target.keyword !== 'ADD') continue;
      for (const f of target.flags) {
        if (f.name !== 'chmod' || f.value === undefined || f.valueStart === undefined) continue;
        const problem = modeProblem(f.value);
        if (problem) report({ messageId: problem, data: { mode: f.value }, range: file.rangeOf(f.valueStart, f.end) });
      }
    }
  },
});
