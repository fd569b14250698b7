import rule from '../../../server/src/rules/dockerfile/pin-os-packages';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n',
    { name: 'variables, local .deb, target release (hadolint#928, #345, #177)', code: 'FROM debian:12\nRUN apt-get install -y $buildDeps ./x.deb && apt-get install -y -t bookworm-backports git\n' },
    { name: 'quoted versions and apk --virtual name', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps "gcc=13.2.1_git20240309-r0" \'make=4.4.1-r2\'\n' },
    { name: 'yum versions, groups and rpm files', code: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 @development ./x.rpm\n' },
    { name: 'dnf module install with a stream (hadolint DL3041)', code: 'FROM rockylinux:9\nRUN dnf module install -y nodejs:20/common && microdnf module install php:8.2\n' },
    { name: 'version through ENV or ARG in scope', code: 'FROM rockylinux:9\nARG HTTPD_VERSION=2.4.57\nENV VER=8.5.0\nRUN dnf install -y httpd-${HTTPD_VERSION} && yum install -y "curl-$VER"\n' },
    { name: 'apt version through ARG', code: 'FROM debian:12\nARG CURL_VERSION=7.88.1-10+deb12u8\nRUN apt-get install -y curl=${CURL_VERSION}\n' },
    { name: 'unknown variable: not enough to judge', code: 'FROM debian:12\nRUN apt-get install -y curl=${CURL_VERSION} $EXTRA\n' },
    { name: 'incomplete shell is not judged', code: 'FROM debian:12\nRUN apt-get install -y curl &&\n' },
    { name: 'dry runs install nothing', code: 'FROM debian:12\nARG PG_MAJOR=18\nRUN if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then echo; fi && apk add --simulate curl && dnf install --downloadonly httpd\n' },
    { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', errors: [{ messageId: 'apt', range: '2:48-2:52' }] },
    {
      name: 'continuation: one finding per command',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    ca-certificates \\\n    git=1:2.39.5-0+deb12u1 \\\n    wget\n',
      errors: [{ messageId: 'apt', range: '3:5-3:20' }],
    },
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', errors: [{ messageId: 'apk', range: '2:24-2:28' }] },
    {
      name: 'dnf, microdnf and zypper in heredoc and multi-stage',
      code: 'FROM fedora:41 AS a\nRUN dnf install -y httpd\nFROM opensuse/leap:15.6\nRUN <<EOF\nzypper in -y vim\nmicrodnf install jq\nEOF\n',
      errors: [
        { messageId: 'dnf', range: '2:20-2:25' },
        { messageId: 'zypper', range: '5:14-5:17' },
        { messageId: 'dnf', range: '6:18-6:20' },
      ],
    },
    { name: 'dnf module install without a stream', code: 'FROM rockylinux:9\nRUN dnf module install -y nodejs\n', errors: [{ messageId: 'dnf', range: '2:27-2:33' }] },
    { name: 'a variable that expands to a bare name', code: 'FROM alpine:3.20\nARG PKG=curl\nRUN apk add --no-cache $PKG\n', errors: [{ messageId: 'apk', range: '3:24-3:28' }] },
    { name: 'a file without FROM is checked', code: 'RUN apk add curl\n', errors: [{ messageId: 'apk', range: '1:13-1:17' }] },
  ],
});
