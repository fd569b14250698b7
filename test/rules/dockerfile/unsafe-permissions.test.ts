import rule from '../../../server/src/rules/dockerfile/unsafe-permissions';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN chmod 755 /app && chmod 644 /app/x && chmod +x /app/run\n',
    { name: 'sticky shared directories', code: 'FROM postgres:17\nRUN chmod 1777 /tmp/x && chmod 3777 /var/run/postgresql && chmod a+rwxt /shared\n' },
    { name: 'removing bits', code: 'FROM alpine:3.20\nRUN chmod u-s /usr/bin/passwd && chmod o-w /app\n' },
    { name: 'COPY with a safe mode', code: 'FROM alpine:3.20\nCOPY --chmod=755 run.sh /run.sh\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN chmod -R 777 /app\n', errors: [{ messageId: 'worldWritable', range: '2:14-2:17' }] },
    { code: 'FROM alpine:3.20\nCOPY --chmod=4755 tool /usr/local/bin/tool\n', errors: [{ messageId: 'setuid', range: '2:14-2:18' }] },
    {
      name: 'symbolic modes in a continuation and sh -c',
      code: 'FROM alpine:3.20\nRUN chmod o+w /data \\\n && sh -c "chmod u+s /bin/tool"\n',
      errors: [{ messageId: 'worldWritable', range: '2:11-2:14' }, { messageId: 'setuid', range: '3:18-3:21' }],
    },
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\nchmod 666 /etc/app.conf\nEOF\n', errors: [{ messageId: 'worldWritable', range: '3:7-3:10' }] },
  ],
});
