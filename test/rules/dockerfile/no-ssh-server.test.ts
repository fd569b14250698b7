import rule from '../../../server/src/rules/dockerfile/no-ssh-server';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends openssh-client\n',
    { name: 'Alpine client package', code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh-client-default\n' },
    { name: 'mentioned, not installed', code: 'FROM debian:12\nRUN echo openssh-server\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get install -y openssh-server\n', errors: [{ messageId: 'sshServer', range: '2:24-2:38' }] },
    { name: 'Alpine openssh', code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh=9.7_p1-r4\n', errors: [{ messageId: 'sshServer', range: '2:24-2:41' }] },
    { name: 'continuation and dropbear', code: 'FROM alpine:3.20\nRUN apk add \\\n    dropbear\n', errors: [{ messageId: 'sshServer', range: '3:5-3:13' }] },
  ],
});
