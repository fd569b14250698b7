import rule from '../../../server/src/rules/dockerfile/from-arg-default';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'ARG BASE=node:22.11\nFROM ${BASE}\n',
    'FROM --platform=$BUILDPLATFORM golang:1.23\n',
    { name: 'inline default', code: 'FROM ${BASE:-alpine:3.20}\n' },
    { name: 'platform ARGs are automatic', code: 'FROM alpine:3.20-$TARGETARCH\n' },
    { name: 'no variable', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    { code: 'ARG BASE\nFROM ${BASE}\n', errors: [{ messageId: 'noDefault', range: '2:6-2:13' }] },
    { code: 'FROM ${IMAGE}:1.0\n', errors: [{ messageId: 'undeclared', range: '1:6-1:14' }] },
    { name: 'empty default', code: 'ARG TAG=\nFROM alpine:$TAG\n', errors: [{ messageId: 'noDefault', range: '2:13-2:17' }] },
    {
      name: 'ARG declared inside a stage does not count for FROM',
      code: 'FROM alpine:3.20 AS a\nARG V=1\nFROM node:$V AS b\n',
      errors: [{ messageId: 'undeclared', range: '3:11-3:13' }],
    },
  ],
});
