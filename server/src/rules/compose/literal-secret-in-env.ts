// Credentials written literally into a service's environment.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { environmentOf } from '../../compose/syntax';
import { isLocal, rangeFor, via } from '../../compose/service';
import { hasVariables } from '../../compose/interpolate';
import { isBenignValue, isSecretName, knownSecretFormat } from '../../k8s/secrets';

/**
 * A value that names where a credential lives rather than being one: a snake- or kebab-case identifier that itself
 * says `creds`, `secret`, `password`, … (Confluent images read `KAFKA_SSL_KEYSTORE_CREDENTIALS: kafka_keystore_creds`
 * as a file name under /etc/kafka/secrets).
 */
function isCredentialName(value: string): boolean {
  return /^[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)+$/.test(value) && /(^|[_.-])(creds?|credentials?|secrets?|passwords?|passwd|tokens?|keys?|keystore|truststore)([_.-]|$)/.test(value);
}

export default composeRule({
  meta: {
    id: 'compose/literal-secret-in-env',
    target: 'compose',
    title: 'Literal secret in the environment',
    severity: 'error',
    description:
      'Reports an `environment:` value (map or list syntax) that contains a credential: a value in a known key format (AWS, GitHub, GitLab, Slack, Stripe, Google keys, private keys, passwords in URLs), or a non-trivial literal under a secret-looking name such as `DB_PASSWORD` or `API_KEY`. Interpolated values (`${DB_PASSWORD}`, `${X:-default}` included), names ending in `_FILE`, `_PATH`, `_URL`, `_USER` and similar, and placeholders are not reported.',
    rationale: 'A literal credential in a Compose file lives in Git history, CI logs, `docker inspect` output and every copy of the repository; anyone who can read the file or the container\'s configuration can read the secret.',
    remediation: 'Use Compose `secrets:` (mounted as a file under /run/secrets, with `*_FILE` variables where the image supports them), or interpolate the value from an uncommitted `.env` (`DB_PASSWORD: ${DB_PASSWORD}`); rotate the exposed credential.',
    references: [{ title: 'Docker: Manage secrets securely in Docker Compose', url: 'https://docs.docker.com/compose/how-tos/use-secrets/' }],
    messages: {
      namedSecret: 'Environment variable `{{name}}` of service `{{service}}` holds a literal secret{{via}}.',
      knownFormat: 'Environment variable `{{name}}` of service `{{service}}` contains a {{format}}{{via}}.',
    },
    equivalents: [],
    examples: {
      bad: [exampleService('environment:\n  POSTGRES_PASSWORD: hunter2-prod\n', 'postgres:17.2')],
      good: [exampleService('environment:\n  POSTGRES_PASSWORD_FILE: /run/secrets/db_password\nsecrets: [db_password]\n', 'postgres:17.2'), exampleService('environment:\n  - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n', 'postgres:17.2')],
    },
  },
  check({ compose, service, report }) {
    for (const env of environmentOf(compose, service)) {
      // A value that comes from a variable is not written here, whatever the variable holds.
      if (env.raw === undefined || hasVariables(env.raw)) continue;
      const value = env.raw;
      const format = knownSecretFormat(value);
      const secret = format !== undefined || (isSecretName(env.name) && !isBenignValue(value) && !isCredentialName(value));
      if (!secret) continue;
      const range = isLocal(compose, env.setting) && env.valueStart !== undefined && env.valueEnd !== undefined ? compose.file.rangeOf(env.valueStart, env.valueEnd) : rangeFor(compose, service, env.setting, env.node);
      if (format) report({ messageId: 'knownFormat', data: { name: env.name, service: service.name, format, via: via(env.setting) }, range });
      else report({ messageId: 'namedSecret', data: { name: env.name, service: service.name, via: via(env.setting) }, range });
    }
  },
});
