// The final user is a name, which Kubernetes cannot check against runAsNonRoot.
import { dockerfileRule } from '../../dockerfile/rule';
import { effectiveUser, isRootUser } from '../../dockerfile/users';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/numeric-user',
    target: 'dockerfile',
    title: 'Final user is a name, not a numeric UID',
    severity: 'info',
    description:
      'Reports the last `USER` of the final stage when the user part is a name (`USER app`) rather than a UID (`USER 10001`). Root is left to `dockerfile/no-root-user`; Windows images are skipped; users given by an unknown build argument are skipped.',
    rationale:
      'Kubernetes `runAsNonRoot: true` can only verify a numeric UID: with a name, the kubelet refuses to start the pod ("image has non-numeric user") unless `runAsUser` is also set. A name also resolves through the image\'s `/etc/passwd`, which a later layer can change.',
    remediation: 'Use the numeric UID (and optionally GID) of the user: `USER 10001:10001`.',
    references: [
      { title: 'Kubernetes: security context (runAsNonRoot)', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
      { title: 'hadolint DL3066', url: 'https://github.com/hadolint/hadolint/wiki/DL3066' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.1: create a user for the container'] },
    messages: {
      named: 'The final user `{{user}}` is a name; use its numeric UID so Kubernetes `runAsNonRoot` can verify it.',
    },
    equivalents: ['hadolint:DL3066'],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nUSER node\n'],
      good: ['FROM node:22.11-bookworm-slim\nUSER 1000:1000\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const stage = dockerfile.finalStage;
    if (!stage || stage.windows) return;
    const eff = effectiveUser(dockerfile, stage);
    if (!eff || eff.user === '' || /^\d+$/.test(eff.user) || isRootUser(eff.user, false) || eff.user.includes('$')) return;
    const word = eff.node.args[0]!;
    const userEnd = word.raw === word.value && word.value === eff.value ? word.start + eff.user.length : word.end;
    report({ messageId: 'named', data: { user: eff.user }, range: file.rangeOf(word.start, userEnd) });
  },
});
