import rule from '../../../server/src/rules/dockerfile/no-content-trust-off';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST=1\n',
    { name: 'declared without value', code: 'FROM docker:27-cli\nARG DOCKER_CONTENT_TRUST\n' },
    { name: 'other variable', code: 'FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST_SERVER=https://notary\n' },
  ],
  invalid: [
    { code: 'FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST=0\n', errors: [{ messageId: 'disabled', range: '2:5-2:27' }] },
    { name: 'legacy ENV form', code: 'FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST false\n', errors: [{ messageId: 'disabled', range: '2:5-2:31' }] },
    { name: 'RUN assignment', code: 'FROM docker:27-cli\nRUN DOCKER_CONTENT_TRUST=0 docker pull alpine\n', errors: [{ messageId: 'disabled', range: '2:5-2:27' }] },
    { name: 'global ARG default', code: 'ARG DOCKER_CONTENT_TRUST=0\nFROM docker:27-cli\n', errors: [{ messageId: 'disabled', range: '1:5-1:27' }] },
  ],
});
