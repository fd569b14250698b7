// A credential written into the Dockerfile itself.
import { dockerfileRule } from '../../dockerfile/rule';
import { settings } from '../../dockerfile/query';
import { findSecretValues, looksLikeSecretValue, secretNameWord } from '../../dockerfile/secrets';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-hardcoded-secret',
    target: 'dockerfile',
    title: 'Hard-coded secret in the Dockerfile',
    severity: 'error',
    description:
      'Reports credentials written in the Dockerfile: known formats anywhere in an instruction or heredoc (AWS access keys, GitHub/GitLab/Slack/Stripe/npm/PyPI tokens, Google API keys, private key blocks, JSON web tokens, `user:password@` in URLs), and literal high-entropy values assigned to secret-named variables (`ENV API_TOKEN=…`, `RUN DB_PASSWORD=… ./migrate`).',
    rationale: 'A secret in a Dockerfile is in source control, in every build log, and in the image history of every image built from it. It has to be treated as leaked and rotated.',
    remediation: 'Remove the value, rotate the credential, and provide it at build time with `RUN --mount=type=secret` or at run time from a secret store.',
    references: [
      { title: 'Docker: build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
      { title: 'OWASP: Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.10: do not store secrets in Dockerfiles'] },
    messages: {
      known: 'This looks like a hard-coded {{kind}}; remove it, rotate it, and pass it as a build secret.',
      assigned: '`{{name}}` is assigned a literal secret; remove it, rotate it, and inject it at build or run time.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n', 'FROM alpine:3.20\nENV API_TOKEN=s3cr3t-t0ken-Xq81\n'],
      good: ['FROM alpine:3.20\nENV API_TOKEN_FILE=/run/secrets/api_token\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const seen = new Set<number>();
    for (const s of settings(dockerfile)) {
      if (s.value === undefined || !s.valueSpan || !secretNameWord(s.key)) continue;
      if (!looksLikeSecretValue(s.value)) continue;
      if (findSecretValues(s.value).length) continue; // reported below with its kind
      seen.add(s.valueSpan.start);
      report({ messageId: 'assigned', data: { name: s.key }, range: file.rangeOf(s.valueSpan.start, s.valueSpan.end) });
    }
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      for (const m of findSecretValues(target.text)) {
        const start = target.offsetOf(m.index);
        if (seen.has(start)) continue;
        seen.add(start);
        report({ messageId: 'known', data: { kind: m.kind }, range: file.rangeOf(start, target.offsetOf(m.index + m.length - 1) + 1) });
      }
      for (const h of target.heredocs) {
        for (const m of findSecretValues(h.content)) {
          report({ messageId: 'known', data: { kind: m.kind }, range: file.rangeOf(h.body.start + m.index, h.body.start + m.index + m.length) });
        }
      }
    }
  },
});
