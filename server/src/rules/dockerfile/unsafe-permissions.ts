// World-writable files and setuid/setgid bits set during the build.
import { dockerfileRule } from '../../dockerfile/rule';
import { toolOptions } from '../../dockerfile/options';
import { runCommands, wordRange } from '../../dockerfile/query';
import type { ShCommand, ShWord } from '../../dockerfile/shell';

type Problem = 'worldWritable' | 'setuid';

/**
 * What is wrong with a mode (octal or symbolic). The sticky bit marks a shared directory such as /tmp: it excuses
 * world-writable and setgid (group inheritance on a directory), never setuid (`5755`, `7777`, `u+s,+t`).
 */
export function modeProblem(mode: string, options: { directory?: boolean } = {}): Problem | undefined {
  let setuid = false;
  let setgid = false;
  let sticky = false;
  let worldWritable = false;
  if (/^[0-7]{3,5}$/.test(mode)) {
    const m = parseInt(mode, 8);
    [setuid, setgid, sticky, worldWritable] = [(m & 0o4000) !== 0, (m & 0o2000) !== 0, (m & 0o1000) !== 0, (m & 0o002) !== 0];
  } else {
    for (const clause of mode.split(',')) {
      const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
      if (!m || m[2] === '-') continue;
      const who = m[1] || 'a';
      const perms = m[3]!;
      if (perms.includes('t')) sticky = true;
      if (perms.includes('s') && /[ua]/.test(who)) setuid = true;
      if (perms.includes('s') && /[ga]/.test(who)) setgid = true;
      if (perms.includes('w') && /[oa]/.test(who) && m[1] !== '') worldWritable = true;
    }
  }
  const directory = options.directory === true || sticky;
  if (setuid || (setgid && !directory)) return 'setuid';
  if (worldWritable && !sticky) return 'worldWritable';
  return undefined;
}

/** The mode words of `chmod MODE`, `mkdir -m MODE` and `install -m MODE`, with whether they apply to directories. */
function modesOf(cmd: ShCommand): { word: ShWord; directory: boolean }[] {
  const args = cmd.argv.slice(1);
  if (cmd.name === 'chmod') {
    const mode = args.find((w) => !/^-[a-zA-Z]+$/.test(w.value) && !w.value.startsWith('--'));
    return mode ? [{ word: mode, directory: false }] : [];
  }
  if (cmd.name === 'mkdir' || cmd.name === 'install') {
    const o = toolOptions(cmd.name, args);
    const directory = cmd.name === 'mkdir' || o.flags.has('d') || o.flags.has('directory');
    return [...(o.values.get('m') ?? []), ...(o.values.get('mode') ?? [])].map((word) => ({ word, directory }));
  }
  return [];
}

export default dockerfileRule({
  meta: {
    id: 'dockerfile/unsafe-permissions',
    target: 'dockerfile',
    title: 'World-writable or setuid permissions',
    severity: 'warning',
    description:
      'Reports `chmod`, `mkdir -m`, `install -m` and `COPY`/`ADD --chmod` modes that make files writable by everyone (`777`, `666`, `o+w`, `a+w`) or set the setuid/setgid bit (`4755`, `u+s`, `g+s`). A world-writable mode with the sticky bit (`1777`, `a+rwxt`) is the accepted pattern for shared temporary directories and is not reported, nor is setgid on a directory (`mkdir -m 2775`, `chmod 3777`: group inheritance). The sticky bit never excuses setuid: `5755`, `7777` and `u+s,+t` are reported.',
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
    for (const { cmd, node } of runCommands(dockerfile)) {
      for (const { word, directory } of modesOf(cmd)) {
        const mode = word.dynamic ? dockerfile.expand(node, word.value) : word.value;
        if (mode === undefined) continue;
        const problem = modeProblem(mode, { directory });
        if (problem) report({ messageId: problem, data: { mode }, range: wordRange(file, word) });
      }
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
