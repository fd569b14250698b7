// Charts in the CLI and SARIF: a chart is one unit of the scan; findings point at template lines, SARIF carries the
// values line as a related location and the values fix as a change to values.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli } from '../cli/run';

const EXAMPLES = join(ROOT, 'examples', 'helm');

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[];
  fixes?: { artifactChanges: { artifactLocation: { uri: string } }[] }[];
}

test('cli: scanning a directory lints the chart in it, with template locations and the values line in SARIF', () => {
  const r = runCli(['scan', '--format', 'sarif', '--fail-on', 'none', 'web'], { cwd: EXAMPLES });
  assert.equal(r.status, 0, r.stderr);
  const results = (JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] }).runs[0]!.results.filter((x) => x.ruleId === 'k8s/no-privileged');
  assert.deepEqual(
    results.map((x) => ({
      ruleId: x.ruleId,
      at: `${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}:${x.locations[0]!.physicalLocation.region.startColumn}`,
      related: x.relatedLocations?.map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine} ${l.message.text}`),
      fixes: x.fixes?.map((f) => f.artifactChanges[0]!.artifactLocation.uri),
    })),
    [{ ruleId: 'k8s/no-privileged', at: 'web/templates/deployment.yaml:24:13', related: ['web/values.yaml:10 The value comes from here.'], fixes: ['web/values.yaml'] }],
  );
});

test('cli: naming one template scans its chart and reports that template', () => {
  const r = runCli(['scan', '--format', 'json', '--fail-on', 'none', 'web/templates/deployment.yaml'], { cwd: EXAMPLES });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; related?: { path: string }[] }[] };
  assert.deepEqual(out.findings.filter((f) => f.ruleId === 'k8s/no-privileged').map((f) => [f.file, f.ruleId, f.related?.map((l) => l.path)]), [['web/templates/deployment.yaml', 'k8s/no-privileged', ['web/values.yaml']]]);
});
