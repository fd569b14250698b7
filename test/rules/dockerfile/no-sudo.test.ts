import rule from '../../../server/src/rules/dockerfile/no-sudo';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM ubuntu:24.04\nRUN apt-get install -y --no-install-recommends sudo\n',
    { name: 'mentioned in an argument', code: 'FROM ubuntu:24.04\nRUN echo "sudo is not used" && grep sudo /etc/group\n' },
    { name: 'exec form without a shell', code: 'FROM ubuntu:24.04\nRUN ["echo", "sudo"]\n' },
    { name: 'PowerShell stage gets no shell rules', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN sudo foo\n' },
  ],
  invalid: [
    { code: 'FROM ubuntu:24.04\nRUN sudo apt-get update\n', errors: [{ messageId: 'sudo', range: '2:5-2:9' }] },
    {
      name: 'continuation and sh -c',
      code: 'FROM ubuntu:24.04\nRUN set -eux; \\\n    sh -c "sudo -u app make install"\n',
      errors: [{ messageId: 'sudo', range: '3:12-3:16' }],
    },
    { name: 'heredoc script', code: 'FROM ubuntu:24.04\nRUN <<EOF\nset -e\nsudo rm -rf /tmp/x\nEOF\n', errors: [{ messageId: 'sudo', range: '4:1-4:5' }] },
    { name: 'after a pipe and in a later stage', code: 'FROM ubuntu:24.04 AS b\nFROM b\nRUN echo x | sudo tee /etc/x\n', errors: [{ messageId: 'sudo', range: '3:14-3:18' }] },
  ],
});
