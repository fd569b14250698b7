import rule from '../../../server/src/rules/dockerfile/missing-from';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN true\n',
    { name: 'global ARGs before FROM', code: 'ARG BASE=debian\nARG TAG=12\nFROM ${BASE}:${TAG}\n' },
    { name: 'directives and comments before FROM', code: '# syntax=docker/dockerfile:1\n# escape=\\\n# a comment\n\nFROM debian:12\n' },
    { name: 'empty file', code: '' },
    { name: 'only comments', code: '# nothing yet\n' },
  ],
  invalid: [
    { name: 'LABEL before FROM (hadolint DL3061)', code: 'LABEL foo=bar\nFROM foo:1\n', errors: [{ messageId: 'beforeFrom', range: '1:1-1:6' }] },
    { name: 'half-typed file without FROM: one finding', code: 'RUN apt-get update\nRUN apt-get install -y curl\nUSER 1000\n', errors: [{ messageId: 'beforeFrom', range: '1:1-1:4' }] },
    { name: 'after global ARGs, lower case', code: 'ARG X=1\nrun echo $X\nFROM debian:12\n', errors: [{ messageId: 'beforeFrom', range: '2:1-2:4' }] },
    { name: 'ONBUILD before FROM', code: 'ONBUILD RUN make\n', errors: [{ messageId: 'beforeFrom', range: '1:1-1:8' }] },
  ],
});
