// Each Kubernetes YAML suppression syntax, ours and the peers', silences exactly its targets.
import { pod, suppressionTable, type SuppressionCase } from './helpers';

const P = 'k8s/no-privileged';


/** `pod('p', ['a', 'b'])` puts `privileged: true` of container a on line 10 and of b on line 14. */
const twoContainers = pod('p', ['a', 'b']);
const insertBefore = (text: string, line: number, ...inserted: string[]) => {
  const lines = text.split('\n');
  lines.splice(line - 1, 0, ...inserted);
  return lines.join('\n');
};

const cases: SuppressionCase[] = [
  {
    name: 'ours: above a container list item covers that container only',
    code: insertBefore(twoContainers, 7, '    # shipshape-ignore k8s/no-privileged -- needs /dev/fuse'),
    reported: [`${P}@15`],
    suppressed: [`${P}@11 by shipshape`],
  },
  {
    name: 'ours: above a key covers that key',
    code: insertBefore(twoContainers, 13, '      # shipshape-ignore k8s/no-privileged -- x'),
    reported: [`${P}@10`],
    suppressed: [`${P}@15 by shipshape`],
  },
  {
    name: 'ours: above the object covers the object and not the next document',
    code: `# shipshape-ignore k8s/no-privileged -- x\n${pod('p', ['a', 'b'])}---\n${pod('q', ['c'])}`,
    reported: [`${P}@26`],
    suppressed: [`${P}@11 by shipshape`, `${P}@15 by shipshape`],
  },
  {
    name: 'ours: a trailing comment covers the node on its line',
    code: twoContainers.replace('privileged: true', 'privileged: true # shipshape-ignore k8s/no-privileged -- x'),
    reported: [`${P}@14`],
    suppressed: [`${P}@10 by shipshape`],
  },
  {
    name: 'ours: above a key holding a flow mapping',
    code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    # shipshape-ignore k8s/no-privileged -- x\n    - {name: a, image: nginx:1.27, securityContext: {privileged: true}}\n    - {name: b, image: nginx:1.27, securityContext: {privileged: true}}\n',
    reported: [`${P}@8`],
    suppressed: [`${P}@7 by shipshape`],
  },
  {
    name: 'ours: the file-level form',
    code: `${pod('p', ['a'])}---\n# shipshape-ignore-file k8s/no-privileged -- a lab cluster\n${pod('q', ['b'])}`,
    reported: [],
    suppressed: [`${P}@10 by shipshape`, `${P}@22 by shipshape`],
  },
  {
    name: 'ours: a `#` inside a block scalar is not a comment',
    code: pod('p', ['a'], '  annotations:\n    note: |\n      # shipshape-ignore-file k8s/no-privileged -- x'),
    reported: [`${P}@13`],
    suppressed: [],
  },
  {
    name: 'ours: the annotation on metadata covers the object',
    code: `${pod('p', ['a', 'b'], '  annotations:\n    shipshape.dev/ignore: "k8s/no-privileged -- storage driver"')}---\n${pod('q', ['c'])}`,
    reported: [`${P}@27`],
    suppressed: [`${P}@12 by shipshape`, `${P}@16 by shipshape`],
  },
  {
    name: 'ours: the annotation under spec.template.metadata covers the workload',
    code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n        shipshape.dev/ignore-storage: k8s/no-privileged -- storage driver\n    spec:\n      containers:\n        - name: a\n          image: nginx:1.27\n          securityContext:\n            privileged: true\n',
    reported: [],
    suppressed: [`${P}@15 by shipshape`],
  },
  {
    name: 'ours: an annotation with an expired date',
    code: pod('p', ['a'], '  annotations:\n    shipshape.dev/ignore: "k8s/no-privileged until=2025-01-01 -- x"'),
    reported: [`${P}@12`],
    suppressed: [],
    problems: ['expired@6'],
  },
  {
    name: 'ours: an unused comment is reported',
    code: insertBefore(pod('p', ['a']).replace('privileged: true', 'privileged: false'), 7, '    # shipshape-ignore k8s/no-privileged -- x'),
    reported: [],
    suppressed: [],
    problems: ['unused@7'],
  },
  {
    name: 'ours: requireReason rejects the annotation without a reason',
    code: pod('p', ['a'], '  annotations:\n    shipshape.dev/ignore: k8s/no-privileged'),
    config: { suppressions: { requireReason: true } },
    reported: [`${P}@12`],
    suppressed: [],
    problems: ['noReason@6'],
  },
  {
    name: 'checkov: a skip comment inside the object covers that object only',
    code: `${insertBefore(pod('p', ['a']), 6, '  #checkov:skip=CKV_K8S_16:legacy driver')}---\n${pod('q', ['b'])}`,
    reported: [`${P}@22`],
    suppressed: [`${P}@11 by checkov`],
  },
  {
    name: 'checkov: a skip comment above the object',
    code: `#checkov:skip=CKV_K8S_16\n${pod('p', ['a'])}`,
    reported: [],
    suppressed: [`${P}@11 by checkov`],
  },
  {
    name: 'checkov: the skip1 annotation (and bridgecrew.io) map through equivalents; other ids do not',
    code: `${pod('p', ['a'], '  annotations:\n    checkov.io/skip1: CKV_K8S_20=unrelated\n    bridgecrew.io/skip2: CKV_K8S_16=legacy driver')}---\n${pod('q', ['b'], '  annotations:\n    checkov.io/skip1: CKV_K8S_20=unrelated')}`,
    reported: [`${P}@26`],
    suppressed: [`${P}@13 by checkov`],
  },
  {
    name: 'checkov: the annotation is honoured under spec.template.metadata too',
    code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      annotations:\n        checkov.io/skip1: CKV_K8S_16=legacy\n    spec:\n      containers:\n        - name: a\n          image: nginx:1.27\n          securityContext:\n            privileged: true\n',
    reported: [],
    suppressed: [`${P}@15 by checkov`],
  },
  {
    name: 'kube-linter: ignore-check annotation for the equivalent check',
    code: `${pod('p', ['a'], '  annotations:\n    ignore-check.kube-linter.io/privileged-container: "needs the host devices"')}---\n${pod('q', ['b'], '  annotations:\n    ignore-check.kube-linter.io/latest-tag: "x"')}`,
    reported: [`${P}@25`],
    suppressed: [`${P}@12 by kube-linter`],
  },
  {
    name: 'kube-linter: ignore-all',
    code: pod('p', ['a', 'b'], '  annotations:\n    kube-linter.io/ignore-all: "vendored manifest"'),
    reported: [],
    suppressed: [`${P}@12 by kube-linter`, `${P}@16 by kube-linter`],
  },
  {
    name: 'trivy: a comment above a container, with the old KSV017 id',
    code: insertBefore(twoContainers, 11, '    #trivy:ignore:KSV017'),
    reported: [`${P}@10`],
    suppressed: [`${P}@15 by trivy`],
  },
  {
    name: 'trivy: AVD-KSV-0017 with an expiry in the future',
    code: insertBefore(twoContainers, 7, '    #trivy:ignore:AVD-KSV-0017:exp:2026-01-01'),
    reported: [`${P}@15`],
    suppressed: [`${P}@11 by trivy`],
  },
  {
    name: 'peers off: annotations and comments of peers are ignored',
    code: insertBefore(pod('p', ['a'], '  annotations:\n    kube-linter.io/ignore-all: "x"\n    checkov.io/skip1: CKV_K8S_16=x'), 9, '    #trivy:ignore:KSV017'),
    config: { suppressions: { peers: false } },
    reported: [`${P}@14`],
    suppressed: [],
  },
];

suppressionTable('yaml', 'manifest.yaml', cases);
