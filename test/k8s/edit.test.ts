// Minimal YAML edits: each fixed document parses to the original object plus exactly the change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { SourceFile } from '../../server/src/core/source';
import { applyEdits } from '../../server/src/core/fix';
import { parseK8s } from '../../server/src/k8s/model';
import { containersOf, podSpecOf } from '../../server/src/k8s/podspec';
import { dropAll, setContainerSecurity } from '../../server/src/k8s/fixes';
import { removeItem } from '../../server/src/k8s/edit';
import { asSeq, getIn } from '../../server/src/k8s/yaml';
import type { TextEdit } from '../../server/src/core/types';

function firstContainer(text: string) {
  const file = new SourceFile('m.yaml', text);
  const object = parseK8s(file).objects[0]!;
  return { file, container: containersOf(file, podSpecOf(object)!)[0]! };
}

function plain(text: string): unknown {
  return parseDocument(text).toJS();
}

/** Applies the edits, checks the result parses to `expected(original)`, and returns the new text. */
function check(text: string, edits: (c: ReturnType<typeof firstContainer>) => TextEdit[], change: (o: any) => void): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out = applyEdits(text, edits(firstContainer(text)));
  const expected = plain(text) as Record<string, unknown>;
  change(expected);
  assert.deepEqual(plain(out), expected);
  return out;
}

const POD = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p # keep me\nspec:\n  containers:\n${container}`;
const sc = (o: any) => o.spec.containers[0].securityContext; // eslint-disable-line @typescript-eslint/no-explicit-any

test('inserts a securityContext into a container that has none, after its last key', () => {
  const text = POD('    - name: app\n      image: nginx:1.27.3 # pinned\n      ports:\n        - containerPort: 80\n');
  const out = check(text, ({ file, container }) => setContainerSecurity(file, container, ['allowPrivilegeEscalation'], 'false'), (o) => {
    o.spec.containers[0].securityContext = { allowPrivilegeEscalation: false };
  });
  assert.ok(out.includes('# keep me') && out.includes('# pinned'));
  assert.ok(out.endsWith('        - containerPort: 80\n      securityContext:\n        allowPrivilegeEscalation: false\n'));
});

test('adds to a block securityContext with its own indentation (4 spaces)', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n        -   name: app\n            securityContext:\n                runAsNonRoot: true\n';
  const out = check(text, ({ file, container }) => setContainerSecurity(file, container, ['seccompProfile', 'type'], 'RuntimeDefault'), (o) => {
    sc(o).seccompProfile = { type: 'RuntimeDefault' };
  });
  assert.ok(out.endsWith('                runAsNonRoot: true\n                seccompProfile:\n                    type: RuntimeDefault\n'));
});

test('adds to a flow securityContext in flow style and keeps quoting', () => {
  const text = POD('    - {name: "app", image: \'nginx:1.27.3\', securityContext: {runAsNonRoot: true}}\n');
  const out = check(text, ({ file, container }) => setContainerSecurity(file, container, ['readOnlyRootFilesystem'], 'true'), (o) => {
    sc(o).readOnlyRootFilesystem = true;
  });
  assert.ok(out.includes(`{name: "app", image: 'nginx:1.27.3', securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}}`));
});

test('flips an existing scalar in place, keeping the comment', () => {
  const text = POD('    - name: app\n      securityContext:\n        allowPrivilegeEscalation: true # why\n');
  const out = check(text, ({ file, container }) => setContainerSecurity(file, container, ['allowPrivilegeEscalation'], 'false'), (o) => {
    sc(o).allowPrivilegeEscalation = false;
  });
  assert.ok(out.includes('allowPrivilegeEscalation: false # why'));
});

test('drop: [ALL] is appended to an existing list in its style, or created', () => {
  check(POD('    - name: app\n      securityContext:\n        capabilities:\n          drop:\n            - NET_RAW\n'), ({ file, container }) => dropAll(file, container), (o) => {
    sc(o).capabilities.drop.push('ALL');
  });
  check(POD('    - name: app\n      securityContext: {capabilities: {add: [NET_BIND_SERVICE]}}\n'), ({ file, container }) => dropAll(file, container), (o) => {
    sc(o).capabilities.drop = ['ALL'];
  });
});

test('CRLF files get CRLF lines', () => {
  const text = POD('    - name: app\n      image: nginx:1.27.3\n').replace(/\n/g, '\r\n');
  const out = check(text, ({ file, container }) => setContainerSecurity(file, container, ['runAsNonRoot'], 'true'), (o) => {
    o.spec.containers[0].securityContext = { runAsNonRoot: true };
  });
  assert.ok(!/[^\r]\n/.test(out), 'every line break is CRLF');
});

test('removes an item from block and flow sequences', () => {
  for (const [list, after] of [
    ['[SYS_ADMIN, NET_ADMIN, CHOWN]', ['SYS_ADMIN', 'CHOWN']],
    ['\n              - SYS_ADMIN\n              - NET_ADMIN # x\n              - CHOWN', ['SYS_ADMIN', 'CHOWN']],
  ] as const) {
    const text = POD(`    - name: app\n      securityContext:\n        capabilities:\n          add: ${list}\n`);
    check(text, ({ file, container }) => {
      const seq = asSeq(getIn(container.node, ['securityContext', 'capabilities', 'add'], container.pod.doc), container.pod.doc)!;
      return removeItem(file, seq, 1);
    }, (o) => {
      sc(o).capabilities.add = [...after];
    });
  }
});
