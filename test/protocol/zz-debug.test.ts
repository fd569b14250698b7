import { test } from 'node:test';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { withServer } from './client';
import { PRIVILEGED_POD } from './expect';
test('debug', () => withServer({}, async ({ server }) => {
  const uri = 'file:///ws/pod.yaml';
  await server.open(uri, 'yaml', PRIVILEGED_POD);
  const finding = (await server.diagnostics(uri)).diagnostics.find((d) => d.code === 'k8s/no-privileged')!;
  const r = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
  console.log(JSON.stringify((r ?? []).map((a) => [a.title, (a as {kind?: string}).kind])));
}));
