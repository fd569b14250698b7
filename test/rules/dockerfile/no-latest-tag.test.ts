import rule from '../../../server/src/rules/dockerfile/no-latest-tag';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22.11-bookworm-slim\n',
    'FROM ubuntu@sha256:0e5e4a57c2499249aafc3b40fcd541e9a456aab7296681a3994d631587203f97\n',
    'FROM node:latest@sha256:0e5e4a57c2499249aafc3b40fcd541e9a456aab7296681a3994d631587203f97\n',
    'FROM scratch\nCOPY app /app\n',
    { name: 'a stage built on an earlier stage', code: 'FROM golang:1.23 AS build\nFROM build\n' },
    { name: 'ARG default with a tag', code: 'ARG BASE=alpine\nARG TAG=3.20\nFROM ${BASE}:${TAG}\n' },
    { name: 'ARG without a default: not enough to judge', code: 'ARG BASE\nFROM ${BASE}\nFROM $UNDECLARED\n' },
    { name: 'name-${ARG} that expands to a stage', code: 'ARG VARIANT=slim\nFROM debian:12 AS base-slim\nFROM base-${VARIANT}\n' },
    { name: 'registry with a port is not a tag', code: 'FROM localhost:5000/team/app:1.2\n' },
  ],
  invalid: [
    { code: 'FROM node:latest\n', errors: [{ messageId: 'latest', range: '1:11-1:17' }] },
    { code: 'FROM ubuntu\n', errors: [{ messageId: 'untagged', range: '1:6-1:12' }] },
    { name: 'registry port without a tag', code: 'FROM localhost:5000/team/app\n', errors: [{ messageId: 'untagged', range: '1:6-1:29' }] },
    {
      name: 'every stage is checked',
      code: 'FROM golang AS build\nRUN go build\nFROM alpine:latest\nCOPY --from=build /out /out\n',
      errors: [
        { messageId: 'untagged', range: '1:6-1:12' },
        { messageId: 'latest', range: '3:13-3:19' },
      ],
    },
    { name: 'a base that expands to alpine is untagged', code: 'ARG BASE=alpine\nFROM ${BASE}\n', errors: [{ messageId: 'untagged', range: '2:6-2:13' }] },
    { name: 'ARG defaults that use other ARGs', code: 'ARG NAME=node\nARG IMAGE=${NAME}:latest\nFROM $IMAGE AS b\n', errors: [{ messageId: 'latest', range: '3:6-3:12' }] },
    { name: 'lower-case keyword and CRLF', code: 'from nginx:latest\r\nUSER 1000\r\n', errors: [{ messageId: 'latest', range: '1:12-1:18' }] },
  ],
});
