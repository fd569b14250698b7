import rule from '../../../server/src/rules/dockerfile/no-plain-http';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLo /tmp/t.tgz https://example.com/t.tgz\n',
    { name: 'verified by a later check that names the file', code: 'FROM debian:12\nRUN wget -O /tmp/t.tgz http://example.com/t.tgz && echo "$SHA  /tmp/t.tgz" | sha256sum -c -\n' },
    { name: 'ADD --checksum', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d http://example.com/t.tgz /tmp/\n' },
    { name: 'loopback', code: 'FROM debian:12\nRUN ./server & curl -fsS http://localhost:8080/health -o /dev/null && curl http://127.0.0.1/x > /tmp/x\n' },
    { name: 'aria2c --checksum', code: 'FROM debian:12\nRUN aria2c --checksum=sha-256=24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d http://x.example/t.tgz\n' },
    { name: 'http in a non-download command', code: 'FROM debian:12\nRUN echo "deb http://deb.debian.org/debian bookworm main" > /etc/apt/sources.list\n' },
    { name: 'incomplete shell is not judged', code: 'FROM debian:12\nRUN curl http://x.example/t |\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSLo /tmp/t.tgz http://example.com/t.tgz && tar -xzf /tmp/t.tgz\n', errors: [{ messageId: 'plainHttp', range: '2:28-2:52' }] },
    { name: 'piped to a shell', code: 'FROM debian:12\nRUN wget -qO- http://example.com/install.sh | sh\n', errors: [{ messageId: 'plainHttp', range: '2:15-2:44' }] },
    { name: 'ADD http:// and ftp://', code: 'FROM alpine:3.20\nADD http://example.com/a.tgz ftp://example.com/b.tgz /tmp/\n', errors: [{ messageId: 'plainHttp', range: '2:5-2:29' }, { messageId: 'plainHttp', range: '2:30-2:53' }] },
    { name: 'a check of another file does not count', code: 'FROM debian:12\nRUN curl -O http://example.com/a.zip && echo "$SHA  b.zip" | sha256sum -c -\n', errors: [{ messageId: 'plainHttp', range: '2:13-2:37' }] },
    { name: 'a file without FROM is checked', code: 'RUN aria2c http://example.com/t.tgz\n', errors: [{ messageId: 'plainHttp', range: '1:12-1:36' }] },
  ],
});
