import rule from '../../../server/src/rules/dockerfile/no-hardcoded-secret';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENV API_TOKEN_FILE=/run/secrets/api_token\n',
    { name: 'placeholders and variables', code: 'FROM alpine:3.20\nARG DB_PASSWORD=changeme\nENV API_TOKEN=$API_TOKEN\n' },
    { name: 'test fixture values that say they are fake (docker/compose e2e)', code: 'FROM alpine:3.20\nARG AWS_SECRET_ACCESS_KEY=FAKE_TO_GENERATE_WARNING_OUTPUT\n' },
    { name: 'checksums are not secrets', code: 'FROM alpine:3.20\nENV TOOL_SHA256=24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d\n' },
    { name: 'URL with a variable password', code: 'FROM alpine:3.20\nRUN git clone https://user:${TOKEN}@example.com/r.git\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n', errors: [{ messageId: 'known', range: '2:23-2:43' }] },
    { name: 'entropy on a secret name', code: 'FROM alpine:3.20\nENV API_TOKEN=s3cr3t-t0ken-Xq81\n', errors: [{ messageId: 'assigned', range: '2:15-2:32' }] },
    { name: 'RUN assignment in a continuation', code: 'FROM alpine:3.20\nRUN set -e; \\\n  DB_PASSWORD=Zx81-qpL0-mmA2 ./migrate\n', errors: [{ messageId: 'assigned', range: '3:15-3:29' }] },
    {
      name: 'private key in a COPY heredoc',
      code: 'FROM alpine:3.20\nCOPY <<EOF /root/.ssh/id_rsa\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc\nEOF\n',
      errors: [{ messageId: 'known', range: '3:1-3:36' }],
    },
    { name: 'GitHub token in a RUN URL', code: 'FROM alpine:3.20\nRUN git clone https://ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@github.com/o/r\n', errors: [{ messageId: 'known', range: '2:23-2:63' }] },
  ],
});
