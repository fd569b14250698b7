import rule from '../../../server/src/rules/dockerfile/add-remote-checksum';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/t.tgz /tmp/\n',
    { name: 'local file is another rule', code: 'FROM alpine:3.20\nADD app.py /app/\n' },
    { name: 'git pinned to a commit', code: 'FROM alpine:3.20\nADD https://github.com/o/r.git#5f4c1b1bd7b0a8b1a2c3d4e5f60718293a4b5c6d /src\n' },
    { name: 'COPY is not ADD', code: 'FROM alpine:3.20\nCOPY --from=b /x /x\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n',
      errors: [{ messageId: 'url', range: '2:5-2:36' }],
      suggestions: ['FROM alpine:3.20\nADD --checksum=sha256: https://example.com/tool.tar.gz /tmp/\n'],
    },
    { name: 'git tag', code: 'FROM alpine:3.20\nADD git@github.com:o/r.git#v1.2 /src\n', errors: [{ messageId: 'git', range: '2:5-2:32' }] },
    {
      name: 'continuation, flags and ONBUILD',
      code: 'FROM alpine:3.20\nADD --chown=1000 \\\n    https://example.com/a /a\nONBUILD ADD http://example.com/b /b\n',
      errors: [{ messageId: 'url', range: '3:5-3:26' }, { messageId: 'url', range: '4:13-4:33' }],
    },
  ],
});
