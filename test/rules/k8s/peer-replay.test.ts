// Peers' documented cases for every id our Kubernetes rules claim, and for the related ids that missed the 97% bar
// and are now only written in `peerNotes`, replayed through the full engine (see test/support/peerReplay.ts for how a
// verdict is read). Each row names its source: the peer's test (Trivy
// `*_test.rego` names, Checkov `tests/kubernetes/checks/example_<Check>/` files, kube-linter template tests), or the
// documented condition (Checkov check source, kube-linter `docs/generated/checks.md`, Polaris `checks/*.yaml`,
// kubesec `ruleset.go` selectors, kube-score README_CHECKS, PSA `policy/check_*.go`). `differs` rows are deliberate;
// the claimant's `peerNotes` writes each one down, and docs/equivalents-audit.md counts them.
import { stringify } from 'yaml';
import { replayTable, type Replay } from '../../support/peerReplay';

type Obj = Record<string, unknown>;
const y = (...docs: Obj[]) => docs.map((d) => stringify(d)).join('---\n');
const app = (extra: Obj = {}): Obj => ({ name: 'app', image: 'nginx:1.27.3', ...extra });
const sc = (securityContext: Obj, extra: Obj = {}) => app({ securityContext, ...extra });
const pod = (spec: Obj, metadata: Obj = {}) => y({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', ...metadata }, spec });
const podC = (...containers: Obj[]) => pod({ containers });
const deploy = (spec: Obj, templateMeta: Obj = {}) =>
  y({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' }, ...templateMeta }, spec } },
  });
const cronJob = (spec: Obj) =>
  y({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'job', namespace: 'shop' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', ...spec } } } } } });
const role = (rules: Obj[], kind = 'ClusterRole') => y({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: kind === 'Role' ? { name: 'r', namespace: 'shop' } : { name: 'r' }, rules });
const service = (spec: Obj) => y({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } });
const ingress = (spec: Obj, annotations: Obj = {}) =>
  y({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'shop', annotations }, spec });
const rule1 = { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } };
const hostPathVol = (path: string, name = 'host') => ({ name, hostPath: { path } });
const fakeDigest = 'sha256:askj78jhkf278hdjkf78623gbkljmkvmk8kjn98237487hkjaf897bkjsehf783f';
const digest = `sha256:${'a'.repeat(64)}`;

/** Rows of one peer id: `[source, code, peerFires, differs?]`. */
const rows = (peer: string, cases: readonly (readonly [string, string, boolean, string?])[]): Replay[] =>
  cases.map(([source, code, peerFires, differs]) => ({ peer, source, code, peerFires, ...(differs ? { differs } : {}) }));

// Shared case sets: several peers document the same condition, so their rows are built from one list.
const privilegedCases = [
  ['privileged: true', podC(sc({ privileged: true })), true],
  ['privileged: false', podC(sc({ privileged: false })), false],
  ['privileged unset', podC(app()), false],
  ['init container privileged', pod({ initContainers: [sc({ privileged: true }, { name: 'init' })], containers: [app()] }), true],
  ['Deployment template privileged', deploy({ containers: [sc({ privileged: true })] }), true],
] as const;

const hostNsCases = (field: 'hostPID' | 'hostIPC' | 'hostNetwork') =>
  [
    [`${field}: true`, pod({ [field]: true, containers: [app()] }), true],
    [`${field}: false`, pod({ [field]: false, containers: [app()] }), false],
    [`${field} unset`, podC(app()), false],
    [`Deployment template ${field}: true`, deploy({ [field]: true, containers: [app()] }), true],
    [`CronJob template ${field}: true`, cronJob({ [field]: true, containers: [app()] }), true],
  ] as const;

const readOnlyCases = [
  ['readOnlyRootFilesystem unset', podC(app()), true],
  ['readOnlyRootFilesystem: false', podC(sc({ readOnlyRootFilesystem: false })), true],
  ['readOnlyRootFilesystem: true', podC(sc({ readOnlyRootFilesystem: true })), false],
  ['Deployment template, second container writable', deploy({ containers: [sc({ readOnlyRootFilesystem: true }), sc({}, { name: 'side' })] }), true],
] as const;

const resources = (r: Obj) => app({ resources: r });
const resourceCases = (kind: 'limits' | 'requests', res: 'cpu' | 'memory', otherQuiet = true) => {
  const value = res === 'cpu' ? '500m' : '256Mi';
  const other = res === 'cpu' ? 'memory' : 'cpu';
  return [
    [`no resources`, podC(app()), true],
    [`${kind}.${res} set`, podC(resources({ [kind]: { [res]: value } })), false],
    [`only ${kind}.${other} set`, podC(resources({ [kind]: { [other]: '1' } })), otherQuiet],
    [`Deployment, one of two containers without ${kind}.${res}`, deploy({ containers: [resources({ [kind]: { [res]: value } }), app({ name: 'side' })] }), true],
  ] as const;
};
const bothResources = (res: 'cpu' | 'memory') => {
  const value = res === 'cpu' ? '500m' : '256Mi';
  return [
    ['no resources', podC(app()), true],
    [`requests and limits ${res} set`, podC(resources({ requests: { [res]: value }, limits: { [res]: value } })), false],
    [`only requests.${res} set`, podC(resources({ requests: { [res]: value } })), true],
    [`only limits.${res} set`, podC(resources({ limits: { [res]: value } })), true],
  ] as const;
};

const latestCases = [
  ['image with :latest', podC(app({ image: 'nginx:latest' })), true],
  ['image without tag', podC(app({ image: 'nginx' })), true],
  ['image with a version tag', podC(app({ image: 'nginx:1.27.3' })), false],
] as const;

const initDiffers = 'an init container without the setting is reported too; Polaris leaves init containers out of its resource checks';

const REPLAYS: Replay[] = [
  // ---- k8s/allow-privilege-escalation
  ...rows('checkov:CKV_K8S_20', [
    ['example_AllowPrivilegeEscalation: allowPrivilegeEscalation unset FAILED', podC(app()), true],
    ['example_AllowPrivilegeEscalation: allowPrivilegeEscalation: true FAILED', podC(sc({ allowPrivilegeEscalation: true })), true],
    ['example_AllowPrivilegeEscalation: allowPrivilegeEscalation: false PASSED', podC(sc({ allowPrivilegeEscalation: false })), false],
    ['AllowPrivilegeEscalation: a Windows pod is checked like any other', pod({ os: { name: 'windows' }, containers: [app()] }), true, 'the field is Linux-only; PSA exempts Windows pods'],
    ['example_AllowPrivilegeEscalation: DaemonSet container unset FAILED', y({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds', namespace: 'shop' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [app()] } } } }), true],
  ]),
  ...rows('trivy:KSV-0001', [
    ['test_allow_privilege_escalation_set_to_false_allowed', podC(sc({ allowPrivilegeEscalation: false })), false],
    ['test_allow_privilege_escalation_is_undefined_denied', podC(app()), true],
    ['test_allow_privilege_escalation_set_to_true_denied', podC(sc({ allowPrivilegeEscalation: true })), true],
    ['init container with escalation undefined', pod({ initContainers: [app({ name: 'init' })], containers: [sc({ allowPrivilegeEscalation: false })] }), true],
    ['a Windows pod is checked like any other', pod({ os: { name: 'windows' }, containers: [app()] }), true, 'the field is Linux-only; PSA exempts Windows pods'],
  ]),
  ...rows('pss:restricted/allowPrivilegeEscalation', [
    ['check_allowPrivilegeEscalation: unset is a violation', podC(app()), true],
    ['check_allowPrivilegeEscalation: true', podC(sc({ allowPrivilegeEscalation: true })), true],
    ['check_allowPrivilegeEscalation: false on every container', pod({ initContainers: [sc({ allowPrivilegeEscalation: false }, { name: 'init' })], containers: [sc({ allowPrivilegeEscalation: false })] }), false],
    ['check_allowPrivilegeEscalation: init container unset', pod({ initContainers: [app({ name: 'init' })], containers: [sc({ allowPrivilegeEscalation: false })] }), true],
    ['restricted OS note: spec.os.name windows is exempt (1.25+)', pod({ os: { name: 'windows' }, containers: [app()] }), false],
  ]),

  // ---- k8s/apparmor-override
  ...rows('pss:baseline/appArmorProfile', [
    ['pod appArmorProfile Unconfined', pod({ securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [app()] }), true],
    ['container appArmorProfile Unconfined', podC(sc({ appArmorProfile: { type: 'Unconfined' } })), true],
    ['pod appArmorProfile RuntimeDefault', pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [app()] }), false],
    ['container appArmorProfile Localhost', podC(sc({ appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor' } })), false],
    ['annotation unconfined', pod({ containers: [app()] }, { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }), true],
    ['annotation runtime/default', pod({ containers: [app()] }, { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' } }), false],
    ['annotation localhost/profile', pod({ containers: [app()] }, { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/k8s-apparmor' } }), false],
    ['no AppArmor setting', podC(app()), false],
  ]),

  // ---- k8s/automount-service-account-token
  ...rows('checkov:CKV_K8S_38', [
    ['ServiceAccountTokensFAILED: automountServiceAccountToken unset', podC(app()), true],
    ['ServiceAccountTokensPASSED: automountServiceAccountToken: false', pod({ automountServiceAccountToken: false, containers: [app()] }), false],
    ['automountServiceAccountToken: true', pod({ automountServiceAccountToken: true, containers: [app()] }), true],
    ['CronJob template automountServiceAccountToken: false', cronJob({ automountServiceAccountToken: false, containers: [app()] }), false],
    ['Deployment template unset', deploy({ containers: [app()] }), true],
  ]),
  ...rows('kubesec:AutomountServiceAccountToken', [
    ['.spec .automountServiceAccountToken == false earns the point', pod({ automountServiceAccountToken: false, containers: [app()] }), false],
    ['no point without it (advice given)', podC(app()), true],
    ['Deployment without it', deploy({ containers: [app()] }), true],
  ]),

  // ---- k8s/capabilities-drop-all
  ...rows('checkov:CKV_K8S_37', [
    ['MinimizeCapabilities: no securityContext FAILED', podC(app()), true],
    ['MinimizeCapabilities: drop [ALL] PASSED', podC(sc({ capabilities: { drop: ['ALL'] } })), false],
    ['MinimizeCapabilities: drop [NET_RAW] FAILED', podC(sc({ capabilities: { drop: ['NET_RAW'] } })), true],
    ['MinimizeCapabilities: drop [all] in lower case PASSED', podC(sc({ capabilities: { drop: ['all'] } })), false],
    ['MinimizeCapabilities: add only FAILED', podC(sc({ capabilities: { add: ['NET_ADMIN'] } })), true],
  ]),
  ...rows('trivy:KSV-0003', [
    ['test_drop_all_capabilities_allowed', podC(sc({ capabilities: { drop: ['ALL'] } })), false],
    ['test_drop_some_capabilities_denied', podC(sc({ capabilities: { drop: ['NET_RAW', 'SYS_ADMIN'] } })), true],
    ['test_no_capabilities_denied', podC(app()), true],
    ['init container without drop ALL', pod({ initContainers: [app({ name: 'init' })], containers: [sc({ capabilities: { drop: ['ALL'] } })] }), true],
  ]),
  ...rows('kubesec:CapDropAll', [
    ['containers[] .securityContext .capabilities .drop | index("ALL")', podC(sc({ capabilities: { drop: ['ALL'] } })), false],
    ['drop without ALL (advice given)', podC(sc({ capabilities: { drop: ['NET_RAW'] } })), true],
    ['no capabilities (advice given)', podC(app()), true],
  ]),

  // ---- k8s/cpu-limit, cpu-request, memory-limit, memory-request
  ...rows('checkov:CKV_K8S_11', resourceCases('limits', 'cpu')),
  ...rows('checkov:CKV_K8S_10', resourceCases('requests', 'cpu')),
  ...rows('checkov:CKV_K8S_13', resourceCases('limits', 'memory')),
  ...rows('checkov:CKV_K8S_12', resourceCases('requests', 'memory')),
  ...rows('trivy:KSV-0011', [...resourceCases('limits', 'cpu'), ['init container without limits.cpu', pod({ initContainers: [app({ name: 'init' })], containers: [resources({ limits: { cpu: '1' } })] }), true]]),
  ...rows('trivy:KSV-0015', resourceCases('requests', 'cpu')),
  ...rows('trivy:KSV-0018', resourceCases('limits', 'memory')),
  ...rows('trivy:KSV-0016', resourceCases('requests', 'memory')),
  ...rows('kubesec:LimitsCPU', resourceCases('limits', 'cpu')),
  ...rows('kubesec:RequestsCPU', resourceCases('requests', 'cpu')),
  ...rows('kubesec:LimitsMemory', resourceCases('limits', 'memory')),
  ...rows('kubesec:RequestsMemory', resourceCases('requests', 'memory')),
  ...rows('polaris:cpuLimitsMissing', [...resourceCases('limits', 'cpu'), ['containers: exclude initContainer', pod({ initContainers: [app({ name: 'init' })], containers: [resources({ limits: { cpu: '1' } })] }), false, initDiffers]]),
  ...rows('polaris:cpuRequestsMissing', [...resourceCases('requests', 'cpu'), ['containers: exclude initContainer', pod({ initContainers: [app({ name: 'init' })], containers: [resources({ requests: { cpu: '1' } })] }), false, initDiffers]]),
  ...rows('polaris:memoryLimitsMissing', [...resourceCases('limits', 'memory'), ['containers: exclude initContainer', pod({ initContainers: [app({ name: 'init' })], containers: [resources({ limits: { memory: '1Gi' } })] }), false, initDiffers]]),
  ...rows('polaris:memoryRequestsMissing', [...resourceCases('requests', 'memory'), ['containers: exclude initContainer', pod({ initContainers: [app({ name: 'init' })], containers: [resources({ requests: { memory: '1Gi' } })] }), false, initDiffers]]),
  ...rows('kube-linter:unset-cpu-requirements', bothResources('cpu')),
  ...rows('kube-linter:unset-memory-requirements', bothResources('memory')),
  ...rows('kube-score:container-resources', [
    ['no resources', podC(app()), true],
    ['all four set', podC(resources({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } })), false],
    ['CPU limit missing', podC(resources({ requests: { cpu: '1', memory: '1Gi' }, limits: { memory: '1Gi' } })), true],
    ['memory request missing', podC(resources({ requests: { cpu: '1' }, limits: { cpu: '1', memory: '1Gi' } })), true],
  ]),

  // ---- k8s/dangerous-component
  ...rows('checkov:CKV_K8S_159', [
    ['example_DangerousGitSync/Deployment-FAILED: GITSYNC_GIT env', podC(app({ env: [{ name: 'GITSYNC_GIT', value: '/bin/sh' }] })), true],
    ['example_DangerousGitSync/Deployment2-FAILED: GITSYNC_GIT in an init container', pod({ initContainers: [app({ name: 'sync', env: [{ name: 'GITSYNC_GIT', value: '/tmp/git' }] })], containers: [app()] }), true],
    ['example_DangerousGitSync/Deployment-PASSED: git-sync without GITSYNC_GIT', podC(app({ env: [{ name: 'GITSYNC_REPO', value: 'https://example.com/r' }] })), false],
    ['Tiller is another check (CKV_K8S_34)', podC(app({ image: 'gcr.io/kubernetes-helm/tiller:v2.17.0' })), false],
    ['GIT_SYNC_GIT (git-sync v3 name of the same setting)', podC(app({ env: [{ name: 'GIT_SYNC_GIT', value: '/bin/sh' }] })), false, 'git-sync v3 reads the same setting as `GIT_SYNC_GIT`'],
  ]).map((r) => ({ ...r, message: 'gitSyncGit' })), // related, not claimed: judged on the git-sync findings only

  // ---- k8s/default-service-account
  ...rows('kube-linter:default-service-account', [
    ['serviceAccountName unset', podC(app()), true],
    ['serviceAccountName: default', pod({ serviceAccountName: 'default', containers: [app()] }), true],
    ['serviceAccountName: web', pod({ serviceAccountName: 'web', containers: [app()] }), false],
    ['deprecated serviceAccount: web', pod({ serviceAccount: 'web', containers: [app()] }), false],
  ]),

  // ---- k8s/host-aliases
  ...rows('trivy:KSV-0007', [
    ['test_host_aliases_denied', pod({ hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local'] }], containers: [app()] }), true],
    ['test_no_host_aliases_allowed', podC(app()), false],
  ]),
  ...rows('kubesec:HostAliases', [
    ['.spec .hostAliases', deploy({ hostAliases: [{ ip: '10.0.0.1', hostnames: ['db'] }], containers: [app()] }), true],
    ['no hostAliases', deploy({ containers: [app()] }), false],
  ]),

  // ---- k8s/host-path-volume
  ...rows('trivy:KSV-0023', [
    ['test_host_path_denied', pod({ containers: [app()], volumes: [hostPathVol('/var/log')] }), true],
    ['test_no_host_path_allowed', pod({ containers: [app()], volumes: [{ name: 'tmp', emptyDir: {} }] }), false],
  ]),
  ...rows('pss:baseline/hostPathVolumes', [
    ['spec.volumes[*].hostPath set', pod({ containers: [app()], volumes: [hostPathVol('/data')] }), true],
    ['hostPath volume not mounted by any container', pod({ containers: [app()], volumes: [hostPathVol('/data', 'unused')] }), true],
    ['configMap volume', pod({ containers: [app()], volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }] }), false],
  ]),
  ...rows('polaris:hostPathSet', [
    ['volumes[].hostPath present', deploy({ containers: [app()], volumes: [hostPathVol('/var/run')] }), true],
    ['no hostPath volume', deploy({ containers: [app()], volumes: [{ name: 'tmp', emptyDir: {} }] }), false],
  ]),

  // ---- k8s/host-port
  ...rows('checkov:CKV_K8S_26', [
    ['example_HostPort/nginx-app-FAILED: hostPort 8080', podC(app({ ports: [{ containerPort: 80, hostPort: 8080 }] })), true],
    ['example_HostPort/DS-node-exporter-FAILED: hostPort 9100', podC(app({ ports: [{ containerPort: 9100, hostPort: 9100 }] })), true],
    ['example_HostPort/nginx-app-PASSED: containerPort only', podC(app({ ports: [{ containerPort: 80 }] })), false],
    ['"hostPort" in port: an explicit 0 fails', podC(app({ ports: [{ containerPort: 80, hostPort: 0 }] })), true, 'hostPort 0 means no host port; PSS allows it'],
  ]),
  ...rows('trivy:KSV-0024', [
    ['test_host_ports_defined_denied', podC(app({ ports: [{ containerPort: 80, hostPort: 8080 }] })), true],
    ['test_no_host_ports_allowed', podC(app({ ports: [{ containerPort: 80 }] })), false],
    ['init container hostPort', pod({ initContainers: [app({ name: 'init', ports: [{ containerPort: 80, hostPort: 80 }] })], containers: [app()] }), true],
  ]),
  ...rows('pss:baseline/hostPorts', [
    ['hostPort 8080', podC(app({ ports: [{ containerPort: 80, hostPort: 8080 }] })), true],
    ['hostPort 0 is allowed', podC(app({ ports: [{ containerPort: 80, hostPort: 0 }] })), false],
    ['no hostPort', podC(app({ ports: [{ containerPort: 80 }] })), false],
  ]),
  ...rows('polaris:hostPortSet', [
    ['ports[].hostPort not const 0', podC(app({ ports: [{ containerPort: 80, hostPort: 80 }] })), true],
    ['hostPort: 0 passes', podC(app({ ports: [{ containerPort: 80, hostPort: 0 }] })), false],
    ['no ports', podC(app()), false],
  ]),

  // ---- k8s/image-latest-tag
  // Trivy KSV-0013 (use-specific-tags), checks/kubernetes/*_test.rego "test_image_tagging_cases".
  ...rows('trivy:KSV-0013', [
    ['image without tag', podC(app({ image: 'busybox' })), true],
    ['image with latest tag', podC(app({ image: 'busybox:latest' })), true],
    ['image with version', podC(app({ image: 'busybox:1.33.1' })), false],
    ['image with digest only', podC(app({ image: `busybox@${fakeDigest}` })), false],
    ['image with latest tag and digest', podC(app({ image: `busybox:latest@${fakeDigest}` })), false],
    ['image with version and digest', podC(app({ image: `busybox:1.33.1@${fakeDigest}` })), false],
    ['registry with tag', podC(app({ image: '127.0.0.1:5000/busybox:1.33.1' })), false],
    ['registry without tag', podC(app({ image: '127.0.0.1:5000/busybox' })), true],
    ['registry without tag2', podC(app({ image: 'gcr.io/google-containers/pause' })), true],
  ]),
  // kube-linter latest-tag, pkg/templates/latesttag/template_test.go; the shipped check's blockList is
  // `.*:(latest)$`, `^[^:]*$`, `(.*/[^:]+)$` (docs/generated/checks.md), so an untagged image is blocked too.
  ...rows('kube-linter:latest-tag', [
    ['TestImproperContainerTag', deploy({ containers: [app({ image: 'example.com/test:latest' })] }), true],
    ['TestAcceptableContainerImage (latest as name)', deploy({ containers: [app({ image: 'example.com/latest:v1.0.0' })] }), false],
    ['TestAcceptableContainerImage', deploy({ containers: [app({ image: 'example.com/test:v1.0.0' })] }), false],
    ['shipped blockList `(.*/[^:]+)$`: untagged image with a registry', deploy({ containers: [app({ image: 'example.com/test' })] }), true],
    ['shipped blockList `^[^:]*$`: untagged image', deploy({ containers: [app({ image: 'nginx' })] }), true],
  ]),
  ...rows('checkov:CKV_K8S_14', [
    ['example_ImageTagFixed/kafka-PASSED', podC(app({ image: 'confluentinc/cp-kafka:7.6.0' })), false],
    ['example_ImageTagFixed/imageWithDigest-PASSED', podC(app({ image: `nginx@${digest}` })), false],
    ['example_ImageTagFixed/imageWithTagAndDigest-PASSED', podC(app({ image: `nginx:1.27@${digest}` })), false],
    ['example_ImageTagFixed/kafka-ImageWithRepo-PASSED', podC(app({ image: 'registry.example.com:5000/kafka:2.8' })), false],
    ['example_ImageTagFixed/ephemeralContainer-ImageTagLatest-FAILED', pod({ containers: [app()], ephemeralContainers: [{ name: 'debug', image: 'busybox:latest' }] }), true],
    ['ImageTagFixed: no tag FAILED', podC(app({ image: 'nginx' })), true],
  ]),
  ...rows('polaris:tagNotSpecified', [
    ...latestCases,
    ['image with digest (pattern ^.+:.+$ matches)', podC(app({ image: `nginx@${digest}` })), false],
    ['registry with port, no tag (`^.+:.+$` matches the port)', podC(app({ image: 'localhost:5000/nginx' })), false, 'the colon of a registry port is not a tag; the runtime pulls `latest`'],
  ]),
  ...rows('kube-score:container-image-tag', [
    ...latestCases,
    ['tag and digest', podC(app({ image: `nginx:1.27@${digest}` })), false],
  ]),

  // ---- k8s/image-not-pinned
  ...rows('checkov:CKV_K8S_43', [
    ['ImageDigest FAILED tag', podC(app({ image: 'nginx:1.27' })), true],
    ['ImageDigest PASSED digest', podC(app({ image: `nginx@${digest}` })), false],
    ['ImageDigest PASSED tag and digest', podC(app({ image: `nginx:1.27@${digest}` })), false],
    ['ImageDigest FAILED init container tag', pod({ initContainers: [app({ name: 'init', image: 'busybox:1.36' })], containers: [app({ image: `nginx@${digest}` })] }), true],
  ]),

  // ---- k8s/ingress-nginx-snippet
  ...rows('checkov:CKV_K8S_153', [
    ['NginxIngressCVE202125742AllSnippets FAILED: configuration-snippet', ingress({ rules: [rule1] }, { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";' }), true],
    ['FAILED: server-snippet', ingress({ rules: [rule1] }, { 'nginx.ingress.kubernetes.io/server-snippet': 'location /x { return 404; }' }), true],
    ['PASSED: other nginx annotations', ingress({ rules: [rule1] }, { 'nginx.ingress.kubernetes.io/rewrite-target': '/' }), false],
    ['PASSED: no annotations', ingress({ rules: [rule1] }), false],
  ]),

  // ---- k8s/ingress-without-tls
  ...rows('polaris:tlsSettingsMissing', [
    ['spec.tls missing', ingress({ rules: [rule1] }), true],
    ['spec.tls set', ingress({ rules: [rule1], tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }] }), false],
    ['spec.tls: null', ingress({ rules: [rule1], tls: null }), true],
    ['GKE managed certificate annotation, no spec.tls', ingress({ rules: [rule1] }, { 'networking.gke.io/managed-certificates': 'web' }), true, 'the controller terminates TLS with the annotated certificate'],
  ]),

  // ---- k8s/network-policy-coverage
  ...rows('checkov:CKV2_K8S_6', [
    ['graph check: Pod with no NetworkPolicy', pod({ containers: [app()] }, { labels: { app: 'web' } }), true],
    [
      'graph check: NetworkPolicy podSelector matches the Pod',
      pod({ containers: [app()] }, { labels: { app: 'web' } }) + '---\n' + y({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] } }),
      false,
    ],
    [
      'graph check: empty podSelector selects every Pod',
      pod({ containers: [app()] }, { labels: { app: 'web' } }) + '---\n' + y({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }),
      false,
    ],
  ]),
  ...rows('kube-linter:non-isolated-pod', [
    ['Deployment not selected by any NetworkPolicy', deploy({ containers: [app()] }), true],
    [
      'Deployment selected by a NetworkPolicy',
      deploy({ containers: [app()] }) + '---\n' + y({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'web' } } } }),
      false,
    ],
    [
      'NetworkPolicy in another namespace does not select it',
      deploy({ containers: [app()] }) + '---\n' + y({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'other' }, spec: { podSelector: {} } }),
      true,
    ],
  ]),

  // ---- k8s/no-host-ipc, no-host-network, no-host-pid
  ...rows('checkov:CKV_K8S_17', hostNsCases('hostPID')),
  ...rows('checkov:CKV_K8S_18', hostNsCases('hostIPC')),
  ...rows('checkov:CKV_K8S_19', hostNsCases('hostNetwork')),
  ...rows('kube-linter:host-pid', hostNsCases('hostPID')),
  ...rows('kube-linter:host-ipc', hostNsCases('hostIPC')),
  ...rows('kube-linter:host-network', hostNsCases('hostNetwork')),
  ...rows('trivy:KSV-0010', hostNsCases('hostPID')),
  ...rows('trivy:KSV-0008', hostNsCases('hostIPC')),
  ...rows('trivy:KSV-0009', hostNsCases('hostNetwork')),
  ...rows('polaris:hostPIDSet', hostNsCases('hostPID')),
  ...rows('polaris:hostIPCSet', hostNsCases('hostIPC')),
  ...rows('polaris:hostNetworkSet', hostNsCases('hostNetwork')),
  ...rows('kubesec:HostPID', hostNsCases('hostPID')),
  ...rows('kubesec:HostIPC', hostNsCases('hostIPC')),
  ...rows('kubesec:HostNetwork', hostNsCases('hostNetwork')),
  ...rows('pss:baseline/hostNamespaces', [
    ...hostNsCases('hostPID'),
    ['hostIPC: true', pod({ hostIPC: true, containers: [app()] }), true],
    ['hostNetwork: true', pod({ hostNetwork: true, containers: [app()] }), true],
    ['all three false', pod({ hostNetwork: false, hostPID: false, hostIPC: false, containers: [app()] }), false],
  ]),

  // ---- k8s/no-privileged
  ...rows('checkov:CKV_K8S_16', privilegedCases),
  ...rows('kube-linter:privileged-container', privilegedCases),
  ...rows('trivy:KSV-0017', privilegedCases),
  ...rows('pss:baseline/privileged', privilegedCases),
  ...rows('kubesec:Privileged', privilegedCases),
  ...rows('polaris:runAsPrivileged', privilegedCases),

  // ---- k8s/probe-host
  ...rows('pss:baseline/hostProbesAndHostLifecycle', [
    ['livenessProbe.httpGet.host set', podC(app({ livenessProbe: { httpGet: { host: '10.0.0.1', path: '/', port: 80 } } })), true],
    ['readinessProbe.tcpSocket.host set', podC(app({ readinessProbe: { tcpSocket: { host: 'metadata.internal', port: 80 } } })), true],
    ['lifecycle.preStop.httpGet.host set', podC(app({ lifecycle: { preStop: { httpGet: { host: '169.254.169.254', path: '/', port: 80 } } } })), true],
    ['probe without host', podC(app({ livenessProbe: { httpGet: { path: '/', port: 80 } } })), false],
    ['host: "" is allowed', podC(app({ livenessProbe: { httpGet: { host: '', path: '/', port: 80 } } })), false],
  ]),

  // ---- k8s/proc-mount-unmasked
  ...rows('trivy:KSV-0027', [
    ['test_proc_mount_unmasked_denied', podC(sc({ procMount: 'Unmasked' })), true],
    ['test_proc_mount_default_allowed', podC(sc({ procMount: 'Default' })), false],
    ['no procMount', podC(app()), false],
  ]),
  ...rows('pss:baseline/procMount', [
    ['procMount Unmasked', podC(sc({ procMount: 'Unmasked' })), true],
    ['procMount Default', podC(sc({ procMount: 'Default' })), false],
    ['init container Unmasked', pod({ initContainers: [sc({ procMount: 'Unmasked' }, { name: 'init' })], containers: [app()] }), true],
  ]),
  ...rows('polaris:procMount', [
    ['securityContext.procMount Unmasked', podC(sc({ procMount: 'Unmasked' })), true],
    ['procMount Default', podC(sc({ procMount: 'Default' })), false],
  ]),
  ...rows('kube-linter:unsafe-proc-mount', [
    ['procMount=Unmasked', deploy({ containers: [sc({ procMount: 'Unmasked' })] }), true],
    ['procMount unset', deploy({ containers: [app()] }), false],
  ]),

  // ---- k8s/rbac-wildcard
  ...rows('kube-linter:wildcard-in-rules', [
    ['wildcard verbs', role([{ apiGroups: [''], resources: ['pods'], verbs: ['*'] }]), true],
    ['wildcard resources', role([{ apiGroups: [''], resources: ['*'], verbs: ['get'] }]), true],
    ['Role with wildcard in the second rule', role([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }, { apiGroups: ['apps'], resources: ['*'], verbs: ['list'] }], 'Role'), true],
    ['no wildcard', role([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]), false],
  ]),

  // ---- k8s/root-group
  ...rows('trivy:KSV-0116', [
    ['test_run_as_group_0_denied (pod)', pod({ securityContext: { runAsGroup: 0 }, containers: [app()] }), true],
    ['runAsGroup 0 on a container', podC(sc({ runAsGroup: 0 })), true],
    ['fsGroup 0', pod({ securityContext: { fsGroup: 0 }, containers: [app()] }), true],
    ['supplementalGroups contains 0', pod({ securityContext: { supplementalGroups: [1000, 0] }, containers: [app()] }), true],
    ['non-zero groups', pod({ securityContext: { runAsGroup: 1000, fsGroup: 2000, supplementalGroups: [3000] }, containers: [app()] }), false],
    ['no group settings', podC(app()), false],
  ]),

  // ---- k8s/run-as-root + k8s/run-as-user-zero (split claims)
  ...rows('checkov:CKV_K8S_23', [
    ['example_RootContainers/rootContainersFAILED: no securityContext', podC(app()), true],
    ['example_RootContainers/rootContainersPASSED: pod runAsNonRoot true', pod({ securityContext: { runAsNonRoot: true }, containers: [app()] }), false],
    ['pod runAsUser 1000', pod({ securityContext: { runAsUser: 1000 }, containers: [app()] }), false],
    ['pod runAsUser 0', pod({ securityContext: { runAsUser: 0 }, containers: [app()] }), true],
    ['pod runAsNonRoot true, container runAsNonRoot false without runAsUser', pod({ securityContext: { runAsNonRoot: true }, containers: [sc({ runAsNonRoot: false })] }), true],
    ['pod runAsUser 1000, container runAsUser 0', pod({ securityContext: { runAsUser: 1000 }, containers: [sc({ runAsUser: 0 })] }), true],
    ['container runAsNonRoot true', podC(sc({ runAsNonRoot: true })), false],
    [
      'pod runAsNonRoot true with runAsUser 0 passes',
      pod({ securityContext: { runAsNonRoot: true, runAsUser: 0 }, containers: [app()] }),
      false,
      'the kubelet refuses to start this pod (runAsNonRoot with UID 0); we report the UID',
    ],
  ]),
  ...rows('kube-linter:run-as-non-root', [
    ['no runAsNonRoot and no runAsUser', deploy({ containers: [app()] }), true],
    ['pod runAsNonRoot: true', deploy({ securityContext: { runAsNonRoot: true }, containers: [app()] }), false],
    ['pod runAsUser: 1000', deploy({ securityContext: { runAsUser: 1000 }, containers: [app()] }), false],
    ['container runAsUser: 0', deploy({ containers: [sc({ runAsUser: 0 })] }), true],
    ['container runAsNonRoot: false overrides pod true', deploy({ securityContext: { runAsNonRoot: true }, containers: [sc({ runAsNonRoot: false })] }), true],
  ]),
  ...rows('trivy:KSV-0105', [
    ['test_run_as_user_0_denied (container)', podC(sc({ runAsUser: 0 })), true],
    ['pod runAsUser 0', pod({ securityContext: { runAsUser: 0 }, containers: [app()] }), true],
    ['runAsUser 1000', podC(sc({ runAsUser: 1000 })), false],
    ['runAsUser unset', podC(app()), false],
  ]),
  ...rows('pss:restricted/runAsUser', [
    ['spec.securityContext.runAsUser 0', pod({ securityContext: { runAsUser: 0 }, containers: [app()] }), true],
    ['init container runAsUser 0', pod({ initContainers: [sc({ runAsUser: 0 }, { name: 'init' })], containers: [app()] }), true],
    ['runAsUser 65534', pod({ securityContext: { runAsUser: 65534 }, containers: [app()] }), false],
    ['undefined', podC(app()), false],
  ]),

  // ---- k8s/seccomp-unconfined
  ...rows('trivy:KSV-0104', [
    ['pod seccompProfile Unconfined', pod({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [app()] }), true],
    ['container seccompProfile Unconfined', podC(sc({ seccompProfile: { type: 'Unconfined' } })), true],
    ['RuntimeDefault', pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [app()] }), false],
    ['unset', podC(app()), false],
  ]),
  ...rows('pss:baseline/seccompProfile_baseline', [
    ['pod Unconfined', pod({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [app()] }), true],
    ['init container Unconfined', pod({ initContainers: [sc({ seccompProfile: { type: 'Unconfined' } }, { name: 'init' })], containers: [app()] }), true],
    ['Localhost', podC(sc({ seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } })), false],
    ['undefined', podC(app()), false],
  ]),

  // ---- k8s/seccomp-unset
  ...rows('checkov:CKV_K8S_31', [
    ['example_Seccomp/pod-seccomp-FAILED: no profile', podC(app()), true],
    ['example_Seccomp/pod-seccomp-PASSED: pod RuntimeDefault', pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [app()] }), false],
    ['every container RuntimeDefault', podC(sc({ seccompProfile: { type: 'RuntimeDefault' } })), false],
    ['example_Seccomp/cronjob-seccomp-securityContext-PASSED', cronJob({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [app()] }), false],
    ['Deployment template RuntimeDefault', deploy({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [app()] }), false],
    ['example_Seccomp: pod Unconfined FAILED', pod({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [app()] }), true],
    ['container Unconfined FAILED', podC(sc({ seccompProfile: { type: 'Unconfined' } })), true],
    ['pod Localhost fails (only RuntimeDefault passes)', pod({ securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } }, containers: [app()] }), true, 'a Localhost profile is a confining profile; PSS Restricted allows it'],
    [
      'alpha annotation runtime/default passes',
      pod({ containers: [app()] }, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } }),
      false,
      'kubelets ignore the seccomp annotations since Kubernetes 1.27',
    ],
  ]),
  ...rows('trivy:KSV-0030', [
    ['test_seccomp_unset_denied', podC(app()), true],
    ['test_pod_runtime_default_allowed', pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [app()] }), false],
    ['test_container_runtime_default_allowed', podC(sc({ seccompProfile: { type: 'RuntimeDefault' } })), false],
    ['container Localhost', podC(sc({ seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } })), false],
    ['pod Unconfined', pod({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [app()] }), true, 'reported by `k8s/seccomp-unconfined`, which claims KSV-0104 (the narrower Trivy check for the same case)'],
  ]),

  // ---- k8s/secret-in-env
  ...rows('checkov:CKV_K8S_35', [
    ['example_Secrets/pod-secretEnvironment-FAILED: env valueFrom.secretKeyRef', podC(app({ env: [{ name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'pass' } } }] })), true],
    ['envFrom.secretRef', podC(app({ envFrom: [{ secretRef: { name: 'db' } }] })), true],
    ['example_Secrets/pod-secretVolume-PASSED: secret as a volume', pod({ containers: [app({ volumeMounts: [{ name: 's', mountPath: '/s' }] })], volumes: [{ name: 's', secret: { secretName: 'db' } }] }), false],
    ['configMapKeyRef', podC(app({ env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } }] })), false],
  ]),
  ...rows('kube-linter:read-secret-from-env-var', [
    ['env valueFrom.secretKeyRef', deploy({ containers: [app({ env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 't', key: 'k' } } }] })] }), true],
    ['envFrom secretRef', deploy({ containers: [app({ envFrom: [{ secretRef: { name: 't' } }] })] }), true],
    ['plain env value', deploy({ containers: [app({ env: [{ name: 'MODE', value: 'prod' }] })] }), false],
  ]),
  ...rows('kubesec:SecretsAsEnvironmentVariables', [
    ['.spec .containers[] .env[] .valueFrom .secretKeyRef', podC(app({ env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 't', key: 'k' } } }] })), true],
    ['.spec .initContainers[] .envFrom[] .secretRef', pod({ initContainers: [app({ name: 'init', envFrom: [{ secretRef: { name: 't' } }] })], containers: [app()] }), true],
    ['no secret references', podC(app({ env: [{ name: 'MODE', value: 'prod' }] })), false],
  ]),

  // ---- k8s/selinux-override
  // Trivy KSV-0025 (no-custom-selinux-options), *_test.rego.
  ...rows('trivy:KSV-0025', [
    ['test_pod_invalid_selinux_type_denied', pod({ securityContext: { seLinuxOptions: { type: 'custom' } }, containers: [app()] }), true],
    ['test_container_invalid_selinux_type_denied', podC(sc({ seLinuxOptions: { type: 'custom' } })), true],
    ['test_empty_selinux_options_allowed', pod({ securityContext: { seLinuxOptions: {} }, containers: [app()] }), false],
    ['test_restricted_key_in_selinux_options_denied', pod({ securityContext: { seLinuxOptions: { type: 'container_t', role: 'admin' } }, containers: [app()] }), true],
    ['test_multiple_restricted_keys_in_selinux_options_denied', pod({ securityContext: { seLinuxOptions: { type: 'container_t', role: 'admin', user: 'root' } }, containers: [app()] }), true],
    ['test_containers_have_multiple_restricted_keys_in_selinux_options_denied', podC(sc({ seLinuxOptions: { type: 'container_t', role: 'admin', user: 'root' } })), true],
    ['allowed type container_init_t', podC(sc({ seLinuxOptions: { type: 'container_init_t' } })), false],
    ['allowed_selinux_types without container_engine_t', podC(sc({ seLinuxOptions: { type: 'container_engine_t' } })), true, "Pod Security Standards allow `container_engine_t` since Kubernetes 1.31; Trivy's list predates it"],
  ]),
  ...rows('pss:baseline/seLinuxOptions', [
    ['pod-level user set while the container sets its own options', pod({ securityContext: { seLinuxOptions: { user: 'system_u' } }, containers: [sc({ seLinuxOptions: { level: 's0:c1,c2' } })] }), true],
    ['type container_engine_t (1.31+)', podC(sc({ seLinuxOptions: { type: 'container_engine_t' } })), false],
    ['type spc_t', podC(sc({ seLinuxOptions: { type: 'spc_t' } })), true],
    ['level only', podC(sc({ seLinuxOptions: { level: 's0:c123,c456' } })), false],
    ['role: "" is allowed', podC(sc({ seLinuxOptions: { role: '' } })), false],
  ]),

  // ---- k8s/service-exposed
  ...rows('kube-linter:exposed-services', [
    ['type NodePort', service({ type: 'NodePort' }), true],
    ['type LoadBalancer', service({ type: 'LoadBalancer' }), true],
    ['type ClusterIP', service({ type: 'ClusterIP' }), false],
    ['type unset', service({}), false],
  ]),

  // ---- k8s/service-external-ips
  ...rows('trivy:KSV-0108', [
    ['Service with spec.externalIPs', service({ externalIPs: ['203.0.113.10'] }), true],
    ['Service without externalIPs', service({}), false],
    ['empty externalIPs', service({ externalIPs: [] }), false],
  ]),

  // ---- k8s/ssh-port
  ...rows('kube-linter:ssh-port', [
    ['containerPort 22', deploy({ containers: [app({ ports: [{ containerPort: 22 }] })] }), true],
    ['containerPort 22 over UDP is not SSH', deploy({ containers: [app({ ports: [{ containerPort: 22, protocol: 'UDP' }] })] }), false],
    ['containerPort 8080', deploy({ containers: [app({ ports: [{ containerPort: 8080 }] })] }), false],
  ]),

  // ---- k8s/unsafe-sysctls
  ...rows('trivy:KSV-0026', [
    ['test_sysctls_restricted_property_denied: net.core.somaxconn', pod({ securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] }, containers: [app()] }), true],
    ['test_sysctls_not_set_allowed', podC(app()), false],
    ['allowed: kernel.shm_rmid_forced', pod({ securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '0' }] }, containers: [app()] }), false],
    ['allowed: net.ipv4.ip_local_port_range', pod({ securityContext: { sysctls: [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }] }, containers: [app()] }), false],
  ]),
  ...rows('pss:baseline/sysctls', [
    ['kernel.msgmax', pod({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] }, containers: [app()] }), true],
    ['net.ipv4.tcp_keepalive_time (1.29)', pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '600' }] }, containers: [app()] }), false],
    ['net.ipv4.ping_group_range', pod({ securityContext: { sysctls: [{ name: 'net.ipv4.ping_group_range', value: '0 2147483647' }] }, containers: [app()] }), false],
    ['no sysctls', podC(app()), false],
  ]),

  // ---- k8s/windows-host-process
  ...rows('trivy:KSV-0103', [
    ['pod windowsOptions.hostProcess true', pod({ securityContext: { windowsOptions: { hostProcess: true } }, hostNetwork: true, containers: [app()] }), true],
    ['container windowsOptions.hostProcess true', pod({ hostNetwork: true, containers: [sc({ windowsOptions: { hostProcess: true } })] }), true],
    ['hostProcess false', podC(sc({ windowsOptions: { hostProcess: false } })), false],
  ]),
  ...rows('pss:baseline/windowsHostProcess', [
    ['pod hostProcess true', pod({ securityContext: { windowsOptions: { hostProcess: true } }, hostNetwork: true, containers: [app()] }), true],
    ['init container hostProcess true', pod({ hostNetwork: true, initContainers: [sc({ windowsOptions: { hostProcess: true } }, { name: 'init' })], containers: [app()] }), true],
    ['undefined', podC(app()), false],
  ]),
  ...rows('polaris:hostProcess', [
    ['windowsOptions.hostProcess true', pod({ hostNetwork: true, containers: [sc({ windowsOptions: { hostProcess: true } })] }), true],
    ['not set', podC(app()), false],
  ]),

  // ---- k8s/writable-host-mount
  ...rows('kube-linter:writable-host-mount', [
    ['hostPath mounted without readOnly', deploy({ containers: [app({ volumeMounts: [{ name: 'host', mountPath: '/host' }] })], volumes: [hostPathVol('/var/log')] }), true],
    ['hostPath mounted readOnly: true', deploy({ containers: [app({ volumeMounts: [{ name: 'host', mountPath: '/host', readOnly: true }] })], volumes: [hostPathVol('/var/log')] }), false],
    ['emptyDir mounted writable', deploy({ containers: [app({ volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] })], volumes: [{ name: 'tmp', emptyDir: {} }] }), false],
  ]),

  // ---- k8s/writable-root-filesystem
  ...rows('checkov:CKV_K8S_22', [
    ['example_ReadOnlyFilesystem/frontend-replicaset-FAILED', y({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'frontend', namespace: 'shop' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [app()] } } } }), true],
    ['example_ReadOnlyFilesystem/pod-readonly-PASSED', podC(sc({ readOnlyRootFilesystem: true })), false],
    ['example_ReadOnlyFilesystem/pod-readonly-false-FAILED', podC(sc({ readOnlyRootFilesystem: false })), true],
  ]),
  ...rows('kube-linter:no-read-only-root-fs', readOnlyCases),
  ...rows('trivy:KSV-0014', readOnlyCases),
  ...rows('kubesec:ReadOnlyRootFilesystem', readOnlyCases),
  ...rows('polaris:notReadOnlyRootFilesystem', readOnlyCases),
  ...rows('kube-score:container-security-context-readonlyrootfilesystem', readOnlyCases),
];

replayTable('Kubernetes peer replay', ['k8s'], REPLAYS);
