// KICS's documented cases for every `kics:` id our Compose rules claim, and for the related ids that missed the 97%
// bar and are now only written in `peerNotes`, replayed through the full engine (see test/support/peerReplay.ts). Sources: each query's `query.rego` and its `test/positive*.yaml` / `negative*.yaml`
// files in Checkmarx/kics `assets/queries/dockerCompose/<query>/`, as summarised in ../shared/reference/compose.md.
import { replayTable, type Replay } from '../../support/peerReplay';

const compose = (service: string) => `services:\n  web:\n    image: nginx:1.27.3\n${service.replace(/^(?=.)/gm, '    ')}`;
const rows = (peer: string, query: string, cases: readonly (readonly [string, string, boolean, string?])[]): Replay[] =>
  cases.map(([source, service, peerFires, differs]) => ({ peer, source: `${query}: ${source}`, code: compose(service), path: 'compose.yaml', peerFires, ...(differs ? { differs } : {}) }));

const REPLAYS: Replay[] = [
  ...rows('kics:4d9f44c6-2f4a-4317-9bb5-267adbea0232', 'cgroup_not_default', [
    ['positive: cgroup_parent set', 'cgroup_parent: m-executor-abcd\n', true],
    ['negative: no cgroup_parent', 'restart: always\n', false],
  ]),
  ...rows('kics:d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b', 'docker_socket_mounted_in_container', [
    ['positive: /var/run/docker.sock short syntax', 'volumes:\n  - /var/run/docker.sock:/var/run/docker.sock\n', true],
    ['positive: read-only mount still reported', 'volumes:\n  - /var/run/docker.sock:/var/run/docker.sock:ro\n', true],
    ['negative: a data directory', 'volumes:\n  - ./data:/data\n', false],
    ['negative: a named volume', 'volumes:\n  - data:/data\n', false],
    [
      'long syntax is not examined',
      'volumes:\n  - type: bind\n    source: /var/run/docker.sock\n    target: /var/run/docker.sock\n',
      false,
      'the long syntax mounts the same socket',
    ],
    ['only docker.sock is looked for', 'volumes:\n  - /run/containerd/containerd.sock:/run/containerd/containerd.sock\n', false, 'the containerd socket gives the same control of the host'],
  ]),
  ...rows('kics:698ed579-b239-4f8f-a388-baa4bcb13ef8', 'healthcheck_not_set', [
    ['positive: healthcheck missing', 'restart: always\n', true],
    ['positive: disable: true', 'healthcheck:\n  disable: true\n', true],
    ['positive: test ["NONE"]', 'healthcheck:\n  test: ["NONE"]\n', true],
    ['negative: a test command', 'healthcheck:\n  test: ["CMD", "curl", "-f", "http://localhost"]\n  interval: 1m30s\n', false],
  ]),
  ...rows('kics:071a71ff-f868-47a4-ac0b-3c59e4ab5443', 'shared_host_network_namespace', [
    ['positive: network_mode host', 'network_mode: host\n', true],
    ['negative: network_mode bridge', 'network_mode: bridge\n', false],
    ['negative: pid host is another query', 'pid: host\n', false],
  ]),
  ...rows('kics:4f31dd9f-2cc3-4751-9b53-67e4af83dac0', 'host_namespace_is_shared', [
    ['positive: pid host', 'pid: host\n', true],
    ['negative: pid of another container', 'pid: "container:db"\n', false],
    ['negative: no pid', 'restart: always\n', false],
  ]),
  ...rows('kics:baa3890f-bed7-46f5-ab8f-1da8fc91c729', 'shared_host_ipc_namespace', [
    ['positive: ipc host', 'ipc: host\n', true],
    ['negative: ipc shareable', 'ipc: shareable\n', false],
  ]),
  ...rows('kics:8af7162d-6c98-482f-868e-0d33fb675ca8', 'shared_host_user_namespace', [
    ['positive: userns_mode host', 'userns_mode: host\n', true],
    ['negative: no userns_mode', 'restart: always\n', false],
  ]),
  ...rows('kics:ae5b6871-7f45-42e0-bb4c-ab300c4d2026', 'privileged_containers_enabled', [
    ['positive: privileged true', 'privileged: true\n', true],
    ['negative: privileged false', 'privileged: false\n', false],
    ['negative: not set', 'restart: always\n', false],
  ]),
  ...rows('kics:404fde2c-bc4b-4371-9747-7054132ac953', 'default_seccomp_profile_disabled', [
    ['positive: seccomp:unconfined', 'security_opt:\n  - seccomp:unconfined\n', true],
    ['negative: a seccomp profile file', 'security_opt:\n  - seccomp:./seccomp.json\n', false],
    ['negative: apparmor:unconfined is another setting', 'security_opt:\n  - apparmor:unconfined\n', false],
    ['the `seccomp=unconfined` spelling is not matched', 'security_opt:\n  - seccomp=unconfined\n', false, 'Docker accepts `=` as the separator too'],
  ]).map((r) => ({ ...r, message: 'seccomp' })), // related, not claimed: judged on the seccomp findings only
];

replayTable('Compose peer replay', ['compose'], REPLAYS);
