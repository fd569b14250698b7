import rule from '../../../server/src/rules/dockerfile/no-unsigned-packages';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
    { name: 'flag on another tool', code: 'FROM debian:12\nRUN echo --force-yes && mytool --nogpgcheck\n' },
    { name: 'local file: repository (docker-library/postgres)', code: 'FROM debian:12\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n' },
    { name: 'gpgcheck on', code: 'FROM fedora:41\nRUN echo gpgcheck=1 >> /etc/yum.repos.d/x.repo\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n', errors: [{ messageId: 'aptUnauthenticated', range: '2:24-2:47' }], suggestions: ['FROM debian:12\nRUN apt-get install -y curl\n'] },
    { code: 'FROM fedora:41\nRUN dnf install -y --nogpgcheck httpd\n', errors: [{ messageId: 'noGpgCheck', range: '2:20-2:32' }], suggestions: ['FROM fedora:41\nRUN dnf install -y httpd\n'] },
    {
      name: 'apk, rpm and force-yes across a continuation',
      code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk \\\n && rpm -i --nosignature x.rpm && apt-get --force-yes install y\n',
      errors: [
        { messageId: 'apkUntrusted', range: '2:13-2:30' },
        { messageId: 'rpmNoSignature', range: '3:12-3:25' },
        { messageId: 'forceYes', range: '3:43-3:54' },
      ],
      suggestions: [
        'FROM alpine:3.20\nRUN apk add /tmp/x.apk \\\n && rpm -i --nosignature x.rpm && apt-get --force-yes install y\n',
        'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk \\\n && rpm -i x.rpm && apt-get --force-yes install y\n',
        'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk \\\n && rpm -i --nosignature x.rpm && apt-get install y\n',
      ],
    },
    { name: 'trusted=yes source', code: 'FROM debian:12\nRUN echo "deb [trusted=yes] http://x/ ./" > /etc/apt/sources.list.d/x.list\n', errors: [{ messageId: 'trustedSource', range: '2:10-2:42' }] },
  ],
});
