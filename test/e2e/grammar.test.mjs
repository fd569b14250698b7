// The suppression-comment injection grammar (syntaxes/), tokenized with the TextMate engine and the Dockerfile
// and YAML grammars that ship inside code-server, so it is checked against the hosts it injects into.
// Usage: SHIPSHAPE_CODE_SERVER_DIR=<cache dir printed by scripts/setup-code-server.sh> node --test test/e2e/grammar.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import test from 'node:test';

const repoRoot = path.resolve(new URL('../..', import.meta.url).pathname);
const csDir = process.env.SHIPSHAPE_CODE_SERVER_DIR;
if (!csDir) throw new Error('set SHIPSHAPE_CODE_SERVER_DIR to the folder scripts/setup-code-server.sh prints');
const vscodeDir = path.join(csDir, 'cs/node_modules/code-server/lib/vscode');
const require = createRequire(path.join(vscodeDir, 'package.json'));
const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributed = pkg.contributes.grammars.find((g) => g.scopeName === 'shipshape.suppression.injection');
const grammarFiles = {
  'source.dockerfile': path.join(vscodeDir, 'extensions/docker/syntaxes/docker.tmLanguage.json'),
  'source.yaml': path.join(vscodeDir, 'extensions/yaml/syntaxes/yaml.tmLanguage.json'),
  'shipshape.suppression.injection': path.join(repoRoot, contributed.path),
};
for (const v of ['1.0', '1.1', '1.2', '1.3']) grammarFiles[`source.yaml.${v}`] = path.join(vscodeDir, `extensions/yaml/syntaxes/yaml-${v}.tmLanguage.json`);
grammarFiles['source.yaml.embedded'] = path.join(vscodeDir, 'extensions/yaml/syntaxes/yaml-embedded.tmLanguage.json');

await onig.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
const registry = new tm.Registry({
  onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
  loadGrammar: async (scope) => (grammarFiles[scope] ? tm.parseRawGrammar(fs.readFileSync(grammarFiles[scope], 'utf8'), grammarFiles[scope]) : null),
  getInjections: (scope) => (contributed.injectTo.includes(scope) ? [contributed.scopeName] : []),
});

/** [text, our scope] pairs for every token of `lines` that got a `.shipshape` scope. */
async function shipshapeTokens(scope, lines) {
  const grammar = await registry.loadGrammar(scope);
  let state = tm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens
      .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.filter((s) => s.endsWith('.shipshape')).pop()])
      .filter(([, s]) => s && s !== 'comment.line.number-sign.suppression.shipshape');
  });
}

const expectedDirective = (directive, ids, reason) => [
  ['#', 'punctuation.definition.comment.shipshape'],
  [directive, 'keyword.control.directive.suppression.shipshape'],
  ...ids.flatMap((id, i) => [...(i ? [[',', 'punctuation.separator.comma.shipshape']] : []), [id, 'entity.name.type.rule-id.shipshape']]),
  ...(reason ? [['--', 'punctuation.separator.reason.shipshape'], [reason, 'string.unquoted.reason.shipshape']] : []),
];

test('package.json injects the grammar into Dockerfiles and YAML', () => {
  assert.deepEqual(contributed.injectTo, ['source.dockerfile', 'source.yaml']);
});

test('Dockerfile: suppression comments are highlighted, other comments and strings are not', async () => {
  const tokens = await shipshapeTokens('source.dockerfile', [
    '# shipshape-ignore dockerfile/no-latest-tag,dockerfile/no-sudo -- legacy base image',
    'FROM node:latest',
    '# shipshape-ignore-file dockerfile/no-add-local -- vendored tarball',
    '# an ordinary comment mentioning shipshape-ignore',
    'RUN echo "# shipshape-ignore dockerfile/no-sudo"',
  ]);
  assert.deepEqual(tokens, [
    expectedDirective('shipshape-ignore', ['dockerfile/no-latest-tag', 'dockerfile/no-sudo'], 'legacy base image'),
    [],
    expectedDirective('shipshape-ignore-file', ['dockerfile/no-add-local'], 'vendored tarball'),
    [],
    [],
  ]);
});

test('YAML: trailing and whole-line suppressions are highlighted; block scalars and strings are not', async () => {
  const tokens = await shipshapeTokens('source.yaml', [
    'securityContext:',
    '  privileged: true # shipshape-ignore k8s/no-privileged -- node agent',
    '# shipshape-ignore-file k8s/no-latest-tag',
    'script: |',
    '  # shipshape-ignore k8s/no-privileged -- inside a block scalar',
    'note: "# shipshape-ignore k8s/x"',
    'hostNetwork: true',
  ]);
  assert.deepEqual(tokens, [
    [],
    expectedDirective('shipshape-ignore', ['k8s/no-privileged'], 'node agent'),
    expectedDirective('shipshape-ignore-file', ['k8s/no-latest-tag']),
    [],
    [],
    [],
    [],
  ]);
});
