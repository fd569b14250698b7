import rule from '../../../server/src/rules/dockerfile/numeric-user';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22.11\nUSER 1000:1000\n',
    { name: 'named user only in a build stage', code: 'FROM node:22.11 AS b\nUSER node\nFROM node:22.11\nUSER 1000\n' },
    { name: 'root is another rule', code: 'FROM node:22.11\nUSER root\n' },
    { name: 'Windows', code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n' },
    { name: 'unknown build argument', code: 'FROM node:22.11\nARG UID\nUSER $UID\n' },
  ],
  invalid: [
    { code: 'FROM node:22.11\nUSER node\n', errors: [{ messageId: 'named', range: '2:6-2:10' }] },
    { name: 'name with group', code: 'FROM node:22.11\nUSER app:app\n', errors: [{ messageId: 'named', range: '2:6-2:9' }] },
    { name: 'inherited from a parent stage', code: 'FROM node:22.11 AS base\nUSER node\nFROM base\n', errors: [{ messageId: 'named', range: '2:6-2:10' }] },
  ],
});
