import rule from '../../../server/src/rules/dockerfile/apt-no-install-recommends';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
    { name: 'apt option', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
    { name: 'configured for the stage and its children', code: 'FROM debian:12 AS b\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norec\nFROM b\nRUN apt-get install -y curl\n' },
    { name: 'apt-get update only', code: 'FROM debian:12\nRUN apt-get update\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ messageId: 'recommends', range: '2:31-2:38' }],
      suggestions: ['FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n'],
    },
    {
      name: 'continuation',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get -y install \\\n      git\n',
      errors: [{ messageId: 'recommends', range: '3:16-3:23' }],
      suggestions: ['FROM debian:12\nRUN apt-get update \\\n && apt-get -y install --no-install-recommends \\\n      git\n'],
    },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get install -y git\nEOF\n', errors: [{ messageId: 'recommends', range: '3:9-3:16' }] },
  ],
});
