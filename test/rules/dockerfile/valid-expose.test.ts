import rule from '../../../server/src/rules/dockerfile/valid-expose';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nEXPOSE 8080/tcp 53/udp 8000-8010 9/sctp\n',
    { name: 'unknown variable', code: 'FROM alpine:3.20\nEXPOSE $PORT\n' },
    { name: 'known variable', code: 'FROM alpine:3.20\nENV PORT=8080\nEXPOSE ${PORT}/tcp\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nEXPOSE 80000\n', errors: [{ messageId: 'outOfRange', range: '2:8-2:13' }] },
    { code: 'FROM alpine:3.20\nEXPOSE 8080:80\n', errors: [{ messageId: 'hostMapping', range: '2:8-2:15' }] },
    {
      name: 'protocol, reversed range and IP mapping in a continuation',
      code: 'FROM alpine:3.20\nEXPOSE 80/http \\\n  90-10 127.0.0.1:80:80\n',
      errors: [
        { messageId: 'badProtocol', range: '2:8-2:15' },
        { messageId: 'outOfRange', range: '3:3-3:8' },
        { messageId: 'hostMapping', range: '3:9-3:24' },
      ],
    },
  ],
});
