import rule from '../../../server/src/rules/dockerfile/unsafe-permissions';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN chmod 755 /app && chmod 644 /app/x && chmod +x /app/run\n',
    { name: 'sticky shared directories', code: 'FROM postgres:17\nRUN chmod 1777 /tmp/x && chmod 3777 /var/run/postgresql && chmod a+rwxt /shared\n' },
    { name: 'setgid directories and sticky temp directories through mkdir -m / install -d -m', code: 'FROM alpine:3.20\nRUN mkdir -m 2775 /srv/shared && mkdir -p -m 1777 /scratch && install -d -m 1777 /tmp/x && install -m 0755 tool /usr/local/bin/\n' },
    { name: 'mode through an ARG', code: 'FROM alpine:3.20\nARG MODE=755\nRUN chmod $MODE /app\n' },
    { name: 'incomplete shell is not judged', code: 'FROM alpine:3.20\nRUN chmod 777 /app &&\n' },
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
    { name: 'setuid plus sticky is still setuid', code: 'FROM alpine:3.20\nRUN chmod 5755 /bin/tool && chmod 7777 /x && chmod u+s,+t /bin/y\n', errors: [{ messageId: 'setuid', range: '2:11-2:15' }, { messageId: 'setuid', range: '2:35-2:39' }, { messageId: 'setuid', range: '2:52-2:58' }] },
    { name: 'mkdir -m and install -m', code: 'FROM alpine:3.20\nRUN mkdir -m 777 /data && install -m 4755 tool /usr/local/bin/tool\n', errors: [{ messageId: 'worldWritable', range: '2:14-2:17' }, { messageId: 'setuid', range: '2:38-2:42' }] },
    { name: 'setgid on a file (no sticky) is reported', code: 'FROM alpine:3.20\nRUN chmod 2755 /bin/tool\n', errors: [{ messageId: 'setuid', range: '2:11-2:15' }] },
    { name: 'mode through an ARG, message shows the value', code: 'FROM alpine:3.20\nARG MODE=777\nRUN chmod ${MODE} /app\n', errors: [{ messageId: 'worldWritable', range: '3:11-3:18' }] },
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\nchmod 666 /etc/app.conf\nEOF\n', errors: [{ messageId: 'worldWritable', range: '3:7-3:10' }] },
  ],
});
