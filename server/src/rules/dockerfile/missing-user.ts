// The final stage never sets USER, so the container runs as the base image's user, usually root.
import { dockerfileRule } from '../../dockerfile/rule';
import { effectiveUser, imageImpliesNonRoot, insertUserEdit } from '../../dockerfile/users';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/missing-user',
    target: 'dockerfile',
    title: 'Final stage never sets a user',
    severity: 'warning',
    description:
      'Reports a final stage (including the stages it builds on) without any `USER` instruction. Images whose name says they are non-root (`:nonroot`, `-rootless`) and Windows images (whose users are not UIDs) are skipped.',
    rationale:
      'Without `USER`, the container runs as whatever the base image chose, which for almost every distribution and language image is root. Root in the container is root on the host after an escape, and can modify the application at runtime.',
    remediation: 'Add `USER 10001` (a numeric, non-root UID) before the final `CMD`/`ENTRYPOINT`; create the user or `chown` the files it must write.',
    references: [
      { title: 'Docker: USER best practices', url: 'https://docs.docker.com/build/building/best-practices/#user' },
      { title: 'Kubernetes: runAsNonRoot', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.1: create a user for the container'] },
    fix: 'suggestion',
    messages: {
      missing: 'The final stage never sets `USER`, so `{{image}}` runs as its default user (usually root); add `USER 10001`.',
      insertUser: 'Insert `USER 10001`',
    },
    equivalents: ['checkov:CKV_DOCKER_3', 'trivy:DS-0002'],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nCMD ["node", "server.js"]\n'],
      good: ['FROM node:22.11-bookworm-slim\nUSER 10001\nCMD ["node", "server.js"]\n', 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const stage = dockerfile.finalStage;
    if (!stage || stage.windows || effectiveUser(dockerfile, stage) || imageImpliesNonRoot(stage)) return;
    let root = stage;
    while (root.parent) root = root.parent;
    // `FROM scratch` with nothing to run has no user to speak of.
    if (!root.image && !stage.nodes.some((n) => n.keyword === 'CMD' || n.keyword === 'ENTRYPOINT')) return;
    // A fragment without FROM is not an image yet: `missing-from` reports it, and there is no FROM to point at.
    const from = stage.fromNode;
    if (!from) return;
    const target = stage.image?.span ?? from.args[0] ?? from.keywordSpan;
    report({
      messageId: 'missing',
      data: { image: stage.image?.resolved ?? stage.image?.text ?? from.args[0]?.value ?? 'the image' },
      range: file.rangeOf(target.start, target.end),
      suggestions: [{ messageId: 'insertUser', edits: [insertUserEdit(file, stage, '10001')] }],
    });
  },
});
