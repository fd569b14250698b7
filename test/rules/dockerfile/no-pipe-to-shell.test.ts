import rule from '../../../server/src/rules/dockerfile/no-pipe-to-shell';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x/i.sh && sh /tmp/i.sh\n',
    { name: 'download piped to tar', code: 'FROM debian:12\nRUN curl -fsSL https://x/t.tgz | tar -xz\n' },
    { name: 'shell with a script file reads no stdin', code: 'FROM debian:12\nRUN curl -fsSL https://x | bash /opt/consume.sh\n' },
    { name: 'value captured, not executed', code: 'FROM debian:12\nRUN V="$(curl -fsSL https://api/version)" && echo $V\n' },
    { name: 'incomplete shell is not judged', code: 'FROM debian:12\nRUN curl -fsSL https://x | sh &&\n' },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN iwr https://x | iex\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSL https://x/install.sh | sh\n', errors: [{ messageId: 'piped', range: '2:5-2:41' }] },
    { name: 'wget -qO- into sudo bash -s', code: 'FROM debian:12\nRUN wget -qO- https://x | sudo bash -s -- -y\n', errors: [{ messageId: 'piped', range: '2:5-2:45' }] },
    { name: 'sh -c "$(curl …)"', code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://x)"\n', errors: [{ messageId: 'substituted', range: '2:5-2:36' }] },
    { name: 'bash <(curl …) in a continuation', code: 'FROM debian:12\nRUN set -e; \\\n    bash <(curl -s https://x)\n', errors: [{ messageId: 'substituted', range: '3:5-3:30' }] },
    { name: 'heredoc with python', code: 'FROM python:3.13\nRUN <<EOF\ncurl -sSL https://x | python3 -\nEOF\n', errors: [{ messageId: 'piped', range: '3:1-3:32' }] },
    { name: 'exec form running sh -c', code: 'FROM debian:12\nRUN ["sh", "-c", "curl -s https://x | sh"]\n', errors: [{ messageId: 'piped', range: '2:19-2:41' }] },
    { name: 'a file without FROM is checked', code: 'RUN curl -fsSL https://x | bash\n', errors: [{ messageId: 'piped', range: '1:5-1:32' }] },
  ],
});
