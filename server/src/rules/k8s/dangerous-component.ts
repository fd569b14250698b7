// Components known to hand out cluster control: Helm v2's Tiller, git-sync told to run another git binary, and
// dashboards or UIs started without authentication.
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { k8sRule } from '../../k8s/rule';
import { containerImage } from '../../k8s/images';
import { workload } from '../../k8s/podspec';
import { asScalar, get, mapItems, nodeRange, seqIn, stringItems, stringValue } from '../../k8s/yaml';
import { exampleDeployment } from '../../k8s/examples';

/** git-sync's setting for the git binary it runs (v4 name, v3 name): whoever sets it runs any program. */
const GIT_SYNC_GIT_ENV = ['GITSYNC_GIT', 'GIT_SYNC_GIT'];

interface NoAuthComponent {
  name: string;
  image: RegExp;
  /** Flags that switch authentication off; with a `value`, only that value does. */
  flags: { flag: string; value?: string }[];
  /** Environment combinations that do the same: every `[name, accepted lower-cased values]` must hold. */
  env?: [string, string[]][][];
}

/** UIs that, with these settings, let anyone who reaches them act without logging in. */
const NO_AUTH: NoAuthComponent[] = [
  {
    name: 'Kubernetes Dashboard',
    image: /(^|\/)(kubernetesui\/dashboard(-web|-api)?|kubernetes-dashboard(-amd64|-arm64|-arm)?)$/,
    flags: [{ flag: '--enable-skip-login' }, { flag: '--enable-insecure-login' }],
  },
  // `server` mode serves every visitor with the server's own service account (the default before v3.0).
  { name: 'Argo Workflows server', image: /(^|\/)argoproj\/argocli$/, flags: [{ flag: '--auth-mode', value: 'server' }] },
  { name: 'Argo CD server', image: /(^|\/)argoproj\/argocd$/, flags: [{ flag: '--disable-auth' }], env: [[['ARGOCD_SERVER_DISABLE_AUTH', ['true', '1']]]] },
  // Anonymous viewers are a normal public dashboard; anonymous editors and admins are not.
  {
    name: 'Grafana',
    image: /(^|\/)grafana\/grafana(-oss|-enterprise)?$/,
    flags: [],
    env: [[['GF_AUTH_ANONYMOUS_ENABLED', ['true']], ['GF_AUTH_ANONYMOUS_ORG_ROLE', ['admin', 'editor']]]],
  },
];

export function isTillerImage(repository: string): boolean {
  return /(^|\/)tiller$/.test(repository);
}

export function isGitSyncImage(repository: string): boolean {
  return /(^|\/)git-sync(\/git-sync)?$/.test(repository);
}

export function isDashboardImage(repository: string): boolean {
  return NO_AUTH[0]!.image.test(repository);
}

export default k8sRule({
  meta: {
    id: 'k8s/dangerous-component',
    target: 'k8s',
    title: 'Known-dangerous component deployed',
    severity: 'error',
    description:
      'Reports a container running Helm v2\'s Tiller (an image whose repository ends in `tiller`); git-sync told which git binary to run (`GITSYNC_GIT`/`GIT_SYNC_GIT` in any container\'s `env`, or `--git` on a git-sync image); and dashboards started without authentication: the Kubernetes Dashboard with `--enable-skip-login` or `--enable-insecure-login` (not `=false`), the Argo Workflows server with `--auth-mode=server`, the Argo CD server with `--disable-auth` (or `ARGOCD_SERVER_DISABLE_AUTH=true`), and Grafana with anonymous access as `Admin` or `Editor`. Dashboards that require a login, and Grafana\'s anonymous viewers, are not reported. Checkov CKV_K8S_159 reports only the `GITSYNC_GIT` variable; the older variable name and the flag are the same setting, so they are reported too.',
    rationale:
      'Tiller runs with cluster-admin rights and, by default, accepts unauthenticated gRPC from any pod, so any workload can install charts as cluster-admin; Helm v3 removed it. git-sync runs the program its git setting names, so that setting is a command-injection path for anyone who can edit the workload (Akamai, 2024). A dashboard without login lets anyone who reaches it act with the dashboard\'s own service account, which is how the 2018 Tesla cryptomining breach began.',
    remediation:
      'Remove Tiller and migrate the releases to Helm v3. Leave git-sync\'s git binary at its default. Run dashboards behind authentication (no `--enable-skip-login`, `--auth-mode=client` or `sso`, no `--disable-auth`, anonymous Grafana as `Viewer` at most), each with a least-privilege service account.',
    references: [
      { title: 'Helm: changes since Helm 2 (removal of Tiller)', url: 'https://helm.sh/docs/topics/v2_v3_migration/' },
      { title: 'Kubernetes Dashboard: access control', url: 'https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/README.md' },
      { title: 'Argo Workflows: server auth mode', url: 'https://argo-workflows.readthedocs.io/en/latest/argo-server-auth-mode/' },
    ],
    standards: { cis: ['CIS Kubernetes 5.1: RBAC and service accounts'] },
    messages: {
      tiller: 'Container `{{container}}` runs Tiller (Helm v2), which grants cluster-admin to any caller.',
      dashboardNoLogin: 'Container `{{container}}` runs the Kubernetes Dashboard with `{{flag}}`.',
      gitSyncGit: 'Container `{{container}}` sets `{{setting}}`: git-sync runs whatever program it names, so anyone who can edit this workload runs code with its service account.',
      noAuth: 'Container `{{container}}` runs the {{component}} with `{{setting}}`: anyone who reaches it acts without logging in.',
    },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_33': 'flags any Kubernetes Dashboard; we report it only when started without login.',
      'checkov:CKV_K8S_34': 'matches any name or image containing "tiller".',
      'trivy:KSV-0102': 'matches any name or image containing "tiller".',
      'checkov:CKV_K8S_159': 'looks for the `GITSYNC_GIT` variable only; we also report `GIT_SYNC_GIT` (git-sync v3\'s name for the same setting) and `--git` on a git-sync image.',
    },
    examples: {
      bad: [
        exampleDeployment('containers:\n  - name: tiller\n    image: gcr.io/kubernetes-helm/tiller:v2.16.12\n'),
        exampleDeployment('containers:\n  - name: dashboard\n    image: kubernetesui/dashboard:v2.7.0\n    args: [--auto-generate-certificates, --enable-skip-login]\n'),
      ],
      good: [exampleDeployment('containers:\n  - name: dashboard\n    image: kubernetesui/dashboard:v2.7.0\n    args: [--auto-generate-certificates]\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      const at = { container: container.name };
      for (const v of envValues(container.node, doc)) {
        const range = nodeRange(file, v.nameNode);
        if (GIT_SYNC_GIT_ENV.includes(v.name) && range) report({ messageId: 'gitSyncGit', data: { ...at, setting: v.name }, range, ...at });
      }
      const image = containerImage(file, container);
      if (!image) continue;
      const repository = image.ref.path;
      if (isTillerImage(repository)) {
        report({ messageId: 'tiller', data: at, range: image.range, ...at });
        continue;
      }
      const args = [...stringItems(seqIn(container.node, ['command'], doc), doc), ...stringItems(seqIn(container.node, ['args'], doc), doc)];
      if (isGitSyncImage(repository)) {
        for (const f of flagsOf(args, ['--git'])) {
          const range = nodeRange(file, f.node);
          if (range) report({ messageId: 'gitSyncGit', data: { ...at, setting: f.flag }, range, ...at });
        }
      }
      for (const component of NO_AUTH) {
        if (!component.image.test(repository)) continue;
        for (const f of flagsOf(args, component.flags.map((x) => x.flag))) {
          const want = component.flags.find((x) => x.flag === f.flag)?.value;
          const range = nodeRange(file, f.node);
          const enabled = want === undefined ? f.value !== 'false' : f.value === want;
          if (!enabled || !range) continue;
          const setting = want === undefined ? f.flag : `${f.flag}=${want}`;
          if (component.name === 'Kubernetes Dashboard') report({ messageId: 'dashboardNoLogin', data: { ...at, flag: f.flag }, range, ...at });
          else report({ messageId: 'noAuth', data: { ...at, component: component.name, setting }, range, ...at });
        }
        const env = new Map(envValues(container.node, doc).map((e) => [e.name, e]));
        for (const rule of component.env ?? []) {
          const hit = rule.every(([name, values]) => values.includes((env.get(name)?.value ?? '').toLowerCase()));
          const last = env.get(rule[rule.length - 1]![0]);
          const range = hit && last ? nodeRange(file, last.valueNode ?? last.nameNode) : undefined;
          if (range) report({ messageId: 'noAuth', data: { ...at, component: component.name, setting: rule.map(([n]) => `${n}=${env.get(n)?.value ?? ''}`).join(', ') }, range, ...at });
        }
      }
    }
  },
});

/** `--flag`, `--flag=value` and `--flag value` among a container's command and args. */
function flagsOf(args: { value: string; node: Scalar }[], flags: readonly string[]): { flag: string; value: string | undefined; node: Scalar }[] {
  const out: { flag: string; value: string | undefined; node: Scalar }[] = [];
  args.forEach((arg, i) => {
    const eq = arg.value.indexOf('=');
    const flag = eq >= 0 ? arg.value.slice(0, eq) : arg.value;
    if (!flags.includes(flag)) return;
    const next = args[i + 1]?.value;
    const value = eq >= 0 ? arg.value.slice(eq + 1) : next !== undefined && !next.startsWith('-') ? next : undefined;
    out.push({ flag, value, node: arg.node });
  });
  return out;
}

/** Literal `env` entries of a container (values from references are unknown and skipped). */
function envValues(container: YAMLMap, doc: Document): { name: string; value: string | undefined; nameNode: Node; valueNode: Node | undefined }[] {
  return mapItems(seqIn(container, ['env'], doc), doc).flatMap((e) => {
    const nameNode = get(e, 'name', doc);
    const name = stringValue(nameNode, doc);
    const valueNode = get(e, 'value', doc);
    const raw = asScalar(valueNode, doc)?.value;
    return name !== undefined && nameNode ? [{ name, value: raw === undefined || raw === null ? undefined : String(raw), nameNode, valueNode }] : [];
  });
}
