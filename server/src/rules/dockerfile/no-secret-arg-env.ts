// ARG or ENV whose name says it carries a secret.
import { dockerfileRule } from '../../dockerfile/rule';
import { argPairs, envPairs } from '../../dockerfile/model';
import { secretNameWord } from '../../dockerfile/secrets';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-secret-arg-env',
    target: 'dockerfile',
    title: 'Secret passed through ARG or ENV',
    severity: 'warning',
    description:
      'Reports `ARG` (global ones before the first `FROM` included) and `ENV` names that hold a secret: well-known credential variables (`AWS_ACCESS_KEY_ID`, `AWS_SESSION_TOKEN`, `AZURE_CLIENT_SECRET`, `HF_TOKEN`, …) and words such as `PASSWORD`, `SECRET`, `TOKEN`, `APIKEY`, `CREDENTIALS`, or `KEY` qualified as `API_KEY`, `PRIVATE_KEY`, `ACCESS_KEY`. Names about a secret rather than the secret itself are allowed: `*_VERSION`, `*_FILE`, `*_PATH`, `*_URL`, `*_NAME`, `*_ID`, `PUBLIC_KEY`, `GPG_KEY(S)`, `KMS_KEY_ALIAS`, `PASSWORD_PROMPT`… Extend the allow-list with the `allowedNames` option.',
    rationale:
      '`ENV` values are stored in the image config and shown by `docker inspect` to anyone who can pull it. `ARG` values are recorded in the build history and cache of every layer whose RUN uses them. Either way the secret ships with the image.',
    remediation: 'Pass build-time secrets with `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN …` and `docker build --secret id=npm_token,env=NPM_TOKEN`; inject run-time secrets from the orchestrator (Kubernetes Secrets, files under `/run/secrets`). Point to a file with `*_FILE` variables.',
    references: [
      { title: 'BuildKit check: SecretsUsedInArgOrEnv', url: 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/' },
      { title: 'Docker: build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.10: do not store secrets in Dockerfiles'] },
    messages: {
      env: '`ENV {{name}}` looks like a secret (`{{word}}`): ENV values ship in the image config; inject it at run time instead.',
      arg: '`ARG {{name}}` looks like a secret (`{{word}}`): build arguments are recorded in the image history; use a secret mount.',
    },
    options: {
      allowedNames: { type: 'string[]', description: 'Extra names (with `*` wildcards) that are not secrets, e.g. `AUTH_MODE`, `*_KEY_NAME`.', default: [] },
    },
    equivalents: ['buildkit:SecretsUsedInArgOrEnv', 'hadolint:DL3064'],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nARG NPM_TOKEN\n', 'FROM postgres:17\nENV POSTGRES_PASSWORD=postgres\n'],
      good: ['FROM postgres:17\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\nENV PGDATA_VERSION=17\n', 'FROM python:3.13-slim\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\n'],
    },
  },
  check({ file, dockerfile, options, report }) {
    const allowed = Array.isArray(options.allowedNames) ? options.allowedNames.filter((s): s is string => typeof s === 'string') : [];
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'ENV' && target.keyword !== 'ARG') continue;
      for (const kv of target.keyword === 'ENV' ? envPairs(target) : argPairs(target)) {
        const word = secretNameWord(kv.key, allowed);
        if (!word) continue;
        report({ messageId: target.keyword === 'ENV' ? 'env' : 'arg', data: { name: kv.key, word }, range: file.rangeOf(kv.keySpan.start, kv.keySpan.end) });
      }
    }
  },
});
