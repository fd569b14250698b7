// Settings: workspace/configuration per resource, severity overrides and `off`, enable, push-only clients.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, DidChangeConfigurationNotification, type ConfigurationItem } from 'vscode-languageserver-protocol/node';
import { LATEST_DOCKERFILE, PRIVILEGED_POD } from './expect';
import { fullCapabilities, withServer } from './client';

const LATEST = 'dockerfile/no-latest-tag';

test('settings are pulled per document; severity overrides, off, and a change re-validates open documents', async () => {
  let settings: unknown = { enable: true, rules: { [LATEST]: 'error' } };
  const asked: ConfigurationItem[] = [];
  await withServer(
    {
      configuration: (params) => {
        asked.push(...params.items);
        return params.items.map(() => settings);
      },
    },
    async ({ server }) => {
      const uri = 'file:///ws/Dockerfile';
      await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
      const first = await server.diagnostics(uri);
      assert.deepEqual(asked[0], { scopeUri: uri, section: 'shipshape' });
      assert.equal(first.diagnostics.find((d) => d.code === LATEST)?.severity, DiagnosticSeverity.Error);

      settings = { enable: true, rules: { [LATEST]: 'off' } };
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const off = await server.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === LATEST), 'the rule to be off');
      assert.equal(off.version, 1);
      assert.ok(asked.length >= 2, 'the cache was not cleared');

      settings = { enable: true, rules: { [LATEST]: 'hint' } };
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const hint = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === LATEST));
      assert.equal(hint.diagnostics.find((d) => d.code === LATEST)?.severity, DiagnosticSeverity.Hint);

      settings = { enable: false, rules: {} };
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await server.diagnostics(uri, (p) => p.diagnostics.length === 0, 'no diagnostics when disabled');
    },
  );
});

test('bad setting values fall back to the defaults', () =>
  withServer({ configuration: (p) => p.items.map(() => ({ enable: 'yes', rules: { [LATEST]: 'loud', 'k8s/no-privileged': 'warning' } })) }, async ({ server }) => {
    const d = 'file:///ws/Dockerfile';
    await server.open(d, 'dockerfile', LATEST_DOCKERFILE);
    assert.equal((await server.diagnostics(d)).diagnostics.find((x) => x.code === LATEST)?.severity, DiagnosticSeverity.Warning);
    const k = 'file:///ws/pod.yaml';
    await server.open(k, 'yaml', PRIVILEGED_POD);
    assert.equal((await server.diagnostics(k)).diagnostics.find((x) => x.code === 'k8s/no-privileged')?.severity, DiagnosticSeverity.Warning);
  }));

test('clients without workspace/configuration use initializationOptions.settings, then pushed settings', () => {
  const caps = fullCapabilities();
  caps.workspace!.configuration = false;
  return withServer(
    {
      capabilities: caps,
      initializationOptions: { settings: { rules: { [LATEST]: 'off' } } },
      configuration: () => assert.fail('the server asked for configuration the client does not support'),
    },
    async ({ server }) => {
      const uri = 'file:///ws/Dockerfile';
      await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
      assert.ok(!(await server.diagnostics(uri)).diagnostics.some((d) => d.code === LATEST));
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { shipshape: { rules: { [LATEST]: 'error' } } } });
      const pushed = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === LATEST));
      assert.equal(pushed.diagnostics.find((d) => d.code === LATEST)?.severity, DiagnosticSeverity.Error);
    },
  );
});
