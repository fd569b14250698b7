// The pre-commit hook (.pre-commit-hooks.yaml) through the real `pre-commit` tool (Debian's package, installed by
// scripts/ensure-system-deps.sh): `pre-commit try-repo` installs this working tree as pre-commit users get it
// (npm install, npm pack with its prepack build, npm install -g) and runs the hook on the files it selects.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const ROOT = join(__dirname, '../../..');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

test('pre-commit runs the hook on staged Dockerfiles and manifests, and fails on findings', { skip: !hasPreCommit && 'pre-commit is not installed (scripts/ensure-system-deps.sh installs it)' }, () => {
  const repo = mkdtempSync(join(tmpdir(), 'shipshape-precommit-'));
  git(repo, 'init', '-q');
  writeFileSync(join(repo, 'Dockerfile-windows'), 'FROM node:latest\n');
  mkdirSync(join(repo, 'k8s'));
  writeFileSync(join(repo, 'k8s/pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    securityContext: {privileged: true}\n');
  writeFileSync(join(repo, 'README.md'), '# FROM node:latest\n');
  writeFileSync(join(repo, 'Dockerfile.dockerignore'), 'node_modules\n');
  git(repo, 'add', '.');
  const env = { ...process.env, PRE_COMMIT_HOME: join(repo, '.pre-commit-home'), PRE_COMMIT_COLOR: 'never' };
  const r = spawnSync('pre-commit', ['try-repo', ROOT, 'shipshape', '--all-files', '--verbose'], { cwd: repo, env, encoding: 'utf8', timeout: 1_200_000 });
  const out = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 1, out);
  assert.match(out, /shipshape \(Dockerfiles and Kubernetes manifests\)\.+Failed/);
  assert.match(out, /Dockerfile-windows:1:11 +warning +Base image `node:latest` uses the `latest` tag/);
  assert.match(out, /k8s\/pod\.yaml:\d+:\d+ +error +Container `a` runs privileged\./);
  assert.doesNotMatch(out, /README\.md|Dockerfile\.dockerignore/, 'files the hook does not select are not passed');

  // Fixed files pass; the installed environment is reused.
  writeFileSync(join(repo, 'Dockerfile-windows'), 'FROM node:22.11.0@sha256:' + 'a'.repeat(64) + '\nUSER 10001\n');
  writeFileSync(join(repo, 'k8s/pod.yaml'), '# shipshape-ignore-file -- example\nkind: Note\n');
  git(repo, 'add', '.');
  const clean = spawnSync('pre-commit', ['try-repo', ROOT, 'shipshape', '--files', 'Dockerfile-windows', '--verbose'], { cwd: repo, env, encoding: 'utf8', timeout: 1_200_000 });
  assert.equal(clean.status, 0, `${clean.stdout}\n${clean.stderr}`);
  assert.match(clean.stdout, /shipshape \(Dockerfiles and Kubernetes manifests\)\.+Passed/);
});
