// CMD/ENTRYPOINT in shell form: the process is not PID 1 and never sees SIGTERM.
import { dockerfileRule } from '../../dockerfile/rule';
import { isPosixShell } from '../../dockerfile/model';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/exec-form-cmd',
    target: 'dockerfile',
    title: 'CMD or ENTRYPOINT in shell form',
    severity: 'info',
    description:
      'Reports shell-form `CMD` and `ENTRYPOINT` (`CMD node server.js`) in stages with a POSIX shell, unless the command starts with `exec` (which makes the application PID 1), and shell-form `HEALTHCHECK CMD` (its own message: the probe needs `/bin/sh` in the image, which distroless and scratch images lack). Offers the JSON (exec) form when the command is plain words without variables, quotes or shell operators. Windows stages are skipped.',
    rationale:
      'In shell form Docker runs `/bin/sh -c "…"`: the shell is PID 1, the application never receives SIGTERM, so `docker stop` and Kubernetes wait out the grace period and SIGKILL it, skipping graceful shutdown. A shell-form ENTRYPOINT also ignores `CMD` and `docker run` arguments.',
    remediation: 'Use the exec form `CMD ["node", "server.js"]`. If you need shell features, use `CMD ["sh", "-c", "exec node server.js --port \\"$PORT\\""]` so `exec` replaces the shell.',
    references: [
      { title: 'Dockerfile reference: shell and exec form', url: 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form' },
      { title: 'BuildKit check: JSONArgsRecommended', url: 'https://docs.docker.com/reference/build-checks/json-args-recommended/' },
    ],
    fix: 'suggestion',
    messages: {
      shellForm: '`{{keyword}}` in shell form runs under `/bin/sh -c`, so the process does not receive stop signals; use the JSON form.',
      healthcheckShellForm: '`HEALTHCHECK CMD` in shell form needs `/bin/sh` in the image and adds a shell to every probe; use the JSON form.',
      toExecForm: 'Rewrite as `{{text}}`',
    },
    equivalents: [],
    // Both peers check CMD and ENTRYPOINT only; a skip of theirs must not hide the HEALTHCHECK finding.
    messageEquivalents: { shellForm: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'] },
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nUSER 10001\nCMD node server.js\n'],
      good: ['FROM node:22.11-bookworm-slim\nUSER 10001\nCMD ["node", "server.js"]\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      if (stage.windows) continue;
      for (const node of stage.nodes) {
        const health = node.keyword === 'HEALTHCHECK';
        if ((node.keyword !== 'CMD' && node.keyword !== 'ENTRYPOINT' && !health) || node.json || !node.args.length) continue;
        if (!isPosixShell(dockerfile.shellOf(node))) continue;
        // HEALTHCHECK [options] CMD command: the command starts after the CMD word (`HEALTHCHECK NONE` has none).
        const cmdWord = health ? node.args[0] : undefined;
        if (health && (cmdWord?.value.toUpperCase() !== 'CMD' || node.args.length < 2)) continue;
        // `CMD exec app …` replaces the shell, so the application is PID 1 and gets signals.
        if (!health && node.args[0]!.value === 'exec') continue;
        const bodyIndex = cmdWord ? node.text.indexOf(cmdWord.raw, node.argsIndex) + cmdWord.raw.length : node.argsIndex;
        let from = bodyIndex;
        while (from < node.text.length && /\s/.test(node.text[from]!)) from++;
        const start = node.offsetOf(from);
        const end = node.end;
        const body = node.text.slice(from).trim();
        const simple = /^[A-Za-z0-9_./:=,@%+-]+( [A-Za-z0-9_./:=,@%+-]+)*$/.test(body) && !body.startsWith('[');
        const text = `[${body.split(' ').map((w) => JSON.stringify(w)).join(', ')}]`;
        const label = health ? 'HEALTHCHECK CMD' : node.keyword;
        const at = cmdWord ?? node.keywordSpan;
        report({
          ...(health ? { messageId: 'healthcheckShellForm' as const } : { messageId: 'shellForm' as const, data: { keyword: node.keyword } }),
          range: file.rangeOf(at.start, at.end),
          ...(simple && file.positionAt(start).line === file.positionAt(end).line ? { suggestions: [{ messageId: 'toExecForm', data: { text: `${label} ${text}` }, edits: [{ range: file.rangeOf(start, end), newText: text }] }] } : {}),
        });
      }
    }
  },
});
