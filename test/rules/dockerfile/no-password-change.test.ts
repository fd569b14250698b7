import rule from '../../../server/src/rules/dockerfile/no-password-change';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN useradd --no-log-init -r -u 10001 app && passwd -l app\n',
    { name: 'status query', code: 'FROM debian:12\nRUN passwd -S root\n' },
    { name: 'word in an echo', code: 'FROM debian:12\nRUN echo "chpasswd is not used"\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN echo "root:hunter2" | chpasswd\n', errors: [{ messageId: 'chpasswd', range: '2:27-2:35' }] },
    { code: 'FROM debian:12\nRUN passwd -d root\n', errors: [{ messageId: 'passwd', range: '2:5-2:11' }] },
    { name: 'usermod -p in a continuation', code: 'FROM debian:12\nRUN useradd app && \\\n    usermod -p "$HASH" app\n', errors: [{ messageId: 'usermodPassword', range: '3:13-3:15' }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF bash\necho "app:pw" | chpasswd\nEOF\n', errors: [{ messageId: 'chpasswd', range: '3:17-3:25' }] },
  ],
});
