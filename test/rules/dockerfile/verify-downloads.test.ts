import rule from '../../../server/src/rules/dockerfile/verify-downloads';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLo t.tgz https://x/t.tgz && echo "$SHA  t.tgz" | sha256sum -c - && tar -xzf t.tgz\n',
    { name: 'signature checked in a later RUN', code: 'FROM debian:12\nRUN wget -O p.tar.xz https://x/p.tar.xz && wget -O p.tar.xz.asc https://x/p.tar.xz.asc\nRUN gpg --batch --verify p.tar.xz.asc p.tar.xz\n' },
    { name: 'key download', code: 'FROM debian:12\nRUN curl -fsSL https://x/key.gpg -o /etc/apt/keyrings/x.gpg\n' },
    { name: 'API value, not a file', code: 'FROM debian:12\nRUN curl -fsSL https://api.github.com/x | jq -r .tag\n' },
    { name: 'piping into a shell is another rule', code: 'FROM debian:12\nRUN curl -fsSL https://x | sh\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSLo /usr/local/bin/t https://x/t && chmod +x /usr/local/bin/t\n', errors: [{ messageId: 'unverified', range: '2:34-2:45' }] },
    { code: 'FROM debian:12\nRUN wget -qO- https://x/t.tgz | tar -xz -C /opt\n', errors: [{ messageId: 'extracted', range: '2:15-2:30' }] },
    {
      name: 'verification only in another stage; heredoc',
      code: 'FROM debian:12 AS a\nRUN sha256sum -c SUMS\nFROM debian:12\nRUN <<EOF\nwget https://x/tool.deb\ndpkg -i tool.deb\nEOF\n',
      errors: [{ messageId: 'unverified', range: '5:6-5:24' }],
    },
    { name: 'verified before, downloaded after', code: 'FROM debian:12\nRUN sha256sum -c SUMS\nRUN curl -O https://x/y.zip\n', errors: [{ messageId: 'unverified', range: '3:13-3:28' }] },
  ],
});
