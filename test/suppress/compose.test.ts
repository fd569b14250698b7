// Compose suppressions: ours, and KICS's comments mapped to our rules through `kics:<query id>` equivalents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outcome, pick } from './helpers';
import type { LintConfig } from '../../server/src/api';

const P = 'compose/no-privileged';
const H = 'compose/host-namespaces';
const PRIVILEGED_QUERY = 'ae5b6871-7f45-42e0-bb4c-ab300c4d2026';
const HOST_NETWORK_QUERY = '071a71ff-f868-47a4-ac0b-3c59e4ab5443';

/** `privileged: true` of web on line 4, `network_mode: host` on 5, api's `privileged: true` on 8. */
const BASE = ['services:', '  web:', '    image: nginx:1.27.3', '    privileged: true', '    network_mode: host', '  api:', '    image: api:1', '    privileged: true', ''];
const withLine = (line: number, text: string) => [...BASE.slice(0, line - 1), text, ...BASE.slice(line - 1)].join('\n');

const cases: { name: string; code: string; config?: LintConfig; reported: string[]; suppressed: string[]; problems?: string[] }[] = [
  { name: 'nothing suppressed', code: BASE.join('\n'), reported: [`${P}@4`, `${H}@5`, `${P}@8`], suppressed: [] },
  { name: 'ours above a key', code: withLine(4, `    # shipshape-ignore ${P} -- eBPF probe`), reported: [`${H}@6`, `${P}@9`], suppressed: [`${P}@5 by shipshape`] },
  { name: 'ours above a service covers the service', code: withLine(2, `  # shipshape-ignore ${P},${H} -- lab only`), reported: [`${P}@9`], suppressed: [`${H}@6 by shipshape`, `${P}@5 by shipshape`] },
  { name: 'ours, trailing', code: BASE.join('\n').replace('network_mode: host', `network_mode: host # shipshape-ignore ${H} -- x`), reported: [`${P}@4`, `${P}@8`], suppressed: [`${H}@5 by shipshape`] },
  { name: 'ours, unknown rule', code: withLine(4, '    # shipshape-ignore compose/no-such-rule'), reported: [`${P}@5`, `${H}@6`, `${P}@9`], suppressed: [], problems: ['unknownRule@4'] },
  { name: 'kics ignore-line: the next line only', code: withLine(4, '    # kics-scan ignore-line'), reported: [`${H}@6`, `${P}@9`], suppressed: [`${P}@5 by kics`] },
  { name: 'kics ignore-block: the service below', code: withLine(6, '  # kics-scan ignore-block'), reported: [`${P}@4`, `${H}@5`], suppressed: [`${P}@9 by kics`] },
  { name: 'kics disable=<privileged query>: the whole file, that rule only', code: withLine(1, `# kics-scan disable=${PRIVILEGED_QUERY}`), reported: [`${H}@6`], suppressed: [`${P}@5 by kics`, `${P}@9 by kics`] },
  { name: 'kics disable=<host network query>: the one message of host-namespaces', code: withLine(1, `# kics-scan disable=${HOST_NETWORK_QUERY},00000000-0000-0000-0000-000000000000`), reported: [`${P}@5`, `${P}@9`], suppressed: [`${H}@6 by kics`] },
  { name: 'kics enable=<host network query>: every other mapped query is off', code: withLine(1, `# kics-scan enable=${HOST_NETWORK_QUERY}`), reported: [`${H}@6`], suppressed: [`${P}@5 by kics`, `${P}@9 by kics`] },
  { name: 'kics ignore: the whole file', code: withLine(1, '# kics-scan ignore'), reported: [], suppressed: [`${H}@6 by kics`, `${P}@5 by kics`, `${P}@9 by kics`] },
  { name: 'peers switched off', code: withLine(1, '# kics-scan ignore'), config: { suppressions: { peers: false } }, reported: [`${P}@5`, `${H}@6`, `${P}@9`], suppressed: [] },
];

for (const c of cases) {
  test(`compose suppression: ${c.name}`, () => {
    assert.deepEqual(pick(outcome('compose.yaml', c.code, c.config, undefined, [P, H])), { reported: c.reported, suppressed: c.suppressed, problems: c.problems ?? [] });
  });
}
