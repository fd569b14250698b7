import rule from '../../../server/src/rules/dockerfile/no-expose-ssh';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 8080\n', { name: 'port 2222', code: 'FROM alpine:3.20\nEXPOSE 2222/tcp\n' }, { name: 'range above 22', code: 'FROM alpine:3.20\nEXPOSE 23-80\n' }],
  invalid: [
    { code: 'FROM alpine:3.20\nEXPOSE 22\n', errors: [{ messageId: 'port22', range: '2:8-2:10' }] },
    { name: 'with protocol and others', code: 'FROM alpine:3.20\nEXPOSE 80 22/tcp\n', errors: [{ messageId: 'port22', range: '2:11-2:17' }] },
    { name: 'range and variable', code: 'FROM alpine:3.20\nARG P=22\nEXPOSE 20-25 $P\n', errors: [{ messageId: 'port22', range: '3:8-3:13' }, { messageId: 'port22', range: '3:14-3:16' }] },
  ],
});
