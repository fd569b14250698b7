import rule from '../../../server/src/rules/dockerfile/trusted-registry';
import { ruleTester } from '../../support/ruleTester';

const trusted = { trustedRegistries: ['registry.corp.example', '*.mirror.example', 'docker.io'] };

ruleTester(rule, {
  valid: [
    { name: 'quiet until configured', code: 'FROM quay.io/team/app:1.2\n' },
    { code: 'FROM node:22.11\n', config: trusted },
    { code: 'FROM registry.corp.example/base/node:22\n', config: trusted },
    { name: 'wildcard', code: 'FROM eu.mirror.example/library/alpine:3.20\n', config: trusted },
    { name: 'stages and scratch', code: 'FROM registry.corp.example/go:1.23 AS b\nFROM b\nFROM scratch\n', config: trusted },
    // Same matcher as k8s/trusted-registry: a registry path prefix, letter case ignored on both sides.
    { name: 'registry path prefix', code: 'FROM ghcr.io/acme/app:1.0\n', config: { trustedRegistries: ['ghcr.io/acme'] } },
    { name: 'upper-case pattern', code: 'FROM ghcr.io/acme/app:1.0\n', config: { trustedRegistries: ['GHCR.IO/Acme'] } },
    { name: 'upper-case host in FROM', code: 'FROM GHCR.io/acme/app:1.0\n', config: { trustedRegistries: ['ghcr.io/acme'] } },
    { name: 'Hub alias', code: 'FROM index.docker.io/library/alpine:3.20\n', config: { trustedRegistries: ['docker.io/library'] } },
    { name: 'unresolved variable', code: 'ARG BASE\nFROM ${BASE}\n', config: { trustedRegistries: ['ghcr.io/acme'] } },
    { name: 'rule option', code: 'FROM ghcr.io/org/app:1\n', config: { rules: { 'dockerfile/trusted-registry': { options: { trustedRegistries: ['ghcr.io'] } } } } },
  ],
  invalid: [
    { code: 'FROM quay.io/team/app:1.2\n', config: trusted, errors: [{ messageId: 'untrusted', range: '1:6-1:13' }] },
    { name: 'implicit docker.io not trusted: the name is underlined', code: 'FROM node:22\n', config: { trustedRegistries: ['registry.corp.example'] }, errors: [{ messageId: 'untrusted', range: '1:6-1:10' }] },
    { name: 'other org under a trusted registry path', code: 'FROM ghcr.io/evil/app:1.0\n', config: { trustedRegistries: ['ghcr.io/acme'] }, errors: [{ messageId: 'untrusted', range: '1:6-1:22' }] },
    { name: 'path prefix is whole path parts', code: 'FROM ghcr.io/acme-evil/app:1.0\n', config: { trustedRegistries: ['ghcr.io/acme'] }, errors: [{ messageId: 'untrusted', range: '1:6-1:27' }] },
    { name: 'wildcard does not cross dots', code: 'FROM a.b.mirror.example.evil.io/x:1\n', config: trusted, errors: [{ messageId: 'untrusted', range: '1:6-1:32' }] },
    { name: 'ARG-resolved image', code: 'ARG BASE=ghcr.io/org/app:1\nFROM ${BASE}\n', config: trusted, errors: [{ messageId: 'untrusted', range: '2:6-2:13' }] },
  ],
});
