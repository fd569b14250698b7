// The final stage explicitly switches to root as its last user.
import { dockerfileRule } from '../../dockerfile/rule';
import { effectiveUser, isRootUser } from '../../dockerfile/users';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-root-user',
    target: 'dockerfile',
    title: 'Final stage runs as root',
    severity: 'warning',
    description:
      'Reports the last `USER` of the final stage (or of the stage it builds on) when it is `root`, UID `0` or, on Windows images, `ContainerAdministrator`. A final stage with no `USER` at all is reported by `dockerfile/missing-user`.',
    rationale:
      'A process running as root inside the container is root on the host if it escapes (kernel or runtime bug, mounted socket, privileged flag), and can rewrite the image\'s own binaries. Switching back to an unprivileged user after root-only setup steps removes that blast radius.',
    remediation: 'End the final stage with a non-root numeric user: `USER 10001` (create it with `useradd -u 10001` or `adduser -D -u 10001` if files need an owner). Use `gosu`/`su-exec` in the entrypoint if start-up needs root.',
    references: [
      { title: 'Docker: USER best practices', url: 'https://docs.docker.com/build/building/best-practices/#user' },
      { title: 'hadolint DL3002', url: 'https://github.com/hadolint/hadolint/wiki/DL3002' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.1: create a user for the container'] },
    fix: 'suggestion',
    messages: {
      root: 'The final stage runs as `{{user}}`; switch to a non-root user after the steps that need root.',
      useNumeric: 'Run as `10001` instead',
    },
    equivalents: ['hadolint:DL3002', 'checkov:CKV_DOCKER_8', 'trivy:DS-0002'],
    examples: {
      bad: ['FROM alpine:3.20\nUSER root\nCMD ["sh"]\n'],
      good: ['FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 10001\nCMD ["sh"]\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const stage = dockerfile.finalStage;
    if (!stage) return;
    const eff = effectiveUser(dockerfile, stage);
    if (!eff || !isRootUser(eff.user, stage.windows)) return;
    const word = eff.node.args[0]!;
    const range = file.rangeOf(word.start, word.end);
    report({
      messageId: 'root',
      data: { user: eff.value },
      range,
      // Only when the USER is in the final stage itself: editing a parent stage would change it for every child.
      ...(stage.nodes.includes(eff.node) && !stage.windows ? { suggestions: [{ messageId: 'useNumeric', edits: [{ range, newText: '10001' }] }] } : {}),
    });
  },
});
