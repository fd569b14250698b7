import rule from '../../../server/src/rules/dockerfile/prefer-copy';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app.py /app/\n',
    { name: 'local archive is extracted (hadolint DL3020)', code: 'FROM alpine:3.20\nADD rootfs.tar.xz /\n' },
    { name: 'every compressed tar name hadolint knows', code: 'FROM alpine:3.20\nADD a.tar b.tgz c.tar.gz d.tar.bz2 e.tbz2 f.txz g.tar.xz h.tar.zst i.gz j.bz2 k.xz /opt/\n' },
    { name: 'archive named through an ARG', code: 'FROM alpine:3.20\nARG ROOTFS=rootfs.tar.gz\nADD ${ROOTFS} /\n' },
    { name: 'URL is another rule', code: 'FROM alpine:3.20\nADD https://example.com/x /x\n' },
    { name: 'git source', code: 'FROM alpine:3.20\nADD git@github.com:o/r.git /src\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nADD app.py /app/\n', errors: [{ messageId: 'useCopy', range: '2:1-2:4' }], output: 'FROM alpine:3.20\nCOPY app.py /app/\n' },
    {
      name: 'keeps COPY flags, drops ADD-only ones, lower case',
      code: 'FROM alpine:3.20\nadd --chown=1000:1000 --keep-git-dir=true src/ /app/\n',
      errors: [{ messageId: 'useCopy', range: '2:1-2:4' }],
      output: 'FROM alpine:3.20\ncopy --chown=1000:1000 src/ /app/\n',
    },
    { name: 'heredoc', code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhi\nEOF\n', errors: [{ messageId: 'useCopy', range: '2:1-2:4' }], output: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhi\nEOF\n' },
    { name: 'variable source: reported without a fix', code: 'FROM alpine:3.20\nARG F\nADD $F /x\n', errors: [{ messageId: 'useCopy', range: '3:1-3:4' }] },
    { name: 'a plain file among archives: no fix (hadolint DL3020)', code: 'FROM alpine:3.20\nADD rootfs.tar.xz config.json /\n', errors: [{ messageId: 'useCopy', range: '2:1-2:4' }] },
    { name: 'a file without FROM is checked', code: 'ADD app.py /app/\n', errors: [{ messageId: 'useCopy', range: '1:1-1:4' }], output: 'COPY app.py /app/\n' },
    { name: 'Windows image', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nADD app C:\\app\n', errors: [{ messageId: 'useCopy', range: '3:1-3:4' }], output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\app\n' },
  ],
});
