import rule from '../../../server/src/rules/dockerfile/verify-downloads';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLo t.tgz https://x/t.tgz && echo "$SHA  t.tgz" | sha256sum -c - && tar -xzf t.tgz\n',
    { name: 'signature checked in a later RUN', code: 'FROM debian:12\nRUN wget -O p.tar.xz https://x/p.tar.xz && wget -O p.tar.xz.asc https://x/p.tar.xz.asc\nRUN gpg --batch --verify p.tar.xz.asc p.tar.xz\n' },
    { name: 'key download', code: 'FROM debian:12\nRUN curl -fsSL https://x/key.gpg -o /etc/apt/keyrings/x.gpg\n' },
    { name: 'API value, not a file', code: 'FROM debian:12\nRUN curl -fsSL https://api.github.com/x | jq -r .tag\n' },
    { name: 'official-image style: SHASUMS grep fed to sha256sum', code: 'FROM debian:12\nRUN curl -fsSLO "https://nodejs.org/dist/v$V/node-v$V-linux-x64.tar.xz" \\\n && curl -fsSLO https://nodejs.org/dist/v$V/SHASUMS256.txt.asc \\\n && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc \\\n && grep " node-v$V-linux-x64.tar.xz\\$" SHASUMS256.txt | sha256sum -c -\n' },
    { name: 'download with > and a here-string check', code: 'FROM debian:12\nRUN curl -fsSL https://x/t.tgz > /tmp/t.tgz && sha256sum -c <<< "$SHA  /tmp/t.tgz"\n' },
    { name: 'checksum list in the same RUN', code: 'FROM debian:12\nRUN wget https://x/a.tgz https://x/SHA256SUMS && sha256sum -c --ignore-missing SHA256SUMS\n' },
    { name: 'aria2c --checksum', code: 'FROM debian:12\nRUN aria2c --checksum=sha-256=24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d -o t.tgz https://x/t.tgz\n' },
    { name: 'variable file name checked', code: 'FROM debian:12\nRUN curl -fsSLo "$TARBALL" "$URL" && echo "$SHA256 *$TARBALL" | sha256sum -c -\n' },
    { name: 'a name only the shell knows: any later check may be the one (docker-library/httpd)', code: 'FROM debian:12\nRUN ddist() { local f="$1"; wget -O "$f" "$2"; }; ddist httpd.tar.bz2 https://x/h.tar.bz2; echo "$SHA *httpd.tar.bz2" | sha256sum -c -\n' },
    { name: 'incomplete shell is not judged', code: 'FROM debian:12\nRUN curl -fsSLo t https://x/t &&\n' },
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
    {
      name: 'each download needs its own check',
      code: 'FROM debian:12\nRUN curl -fsSLo a.tgz https://x/a.tgz && curl -fsSLo b.tgz https://x/b.tgz && echo "$SHA  a.tgz" | sha256sum -c -\n',
      errors: [{ messageId: 'unverified', range: '2:60-2:75' }],
    },
    { name: 'curl > file', code: 'FROM debian:12\nRUN curl -fsSL https://x/tool > /usr/local/bin/tool && chmod +x /usr/local/bin/tool\n', errors: [{ messageId: 'unverified', range: '2:16-2:30' }] },
    { name: 'wget -O and aria2c', code: 'FROM debian:12\nRUN wget -O /tmp/a.zip https://x/a.zip && aria2c -o b.zip https://x/b.zip\n', errors: [{ messageId: 'unverified', range: '2:24-2:39' }, { messageId: 'unverified', range: '2:59-2:74' }] },
    { name: 'a check of another file in a later RUN does not count', code: 'FROM debian:12\nRUN curl -O https://x/y.zip\nRUN echo "$SHA  z.zip" | sha256sum -c -\n', errors: [{ messageId: 'unverified', range: '2:13-2:28' }] },
    { name: 'verified before, downloaded after', code: 'FROM debian:12\nRUN sha256sum -c SUMS\nRUN curl -O https://x/y.zip\n', errors: [{ messageId: 'unverified', range: '3:13-3:28' }] },
  ],
});
