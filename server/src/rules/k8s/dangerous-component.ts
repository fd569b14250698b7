// Components known to hand out cluster control: Helm v2's Tiller, and the Dashboard with its login switched off.
import { k8sRule } from '../../k8s/rule';
import { imageOf } from '../../k8s/image';
import { workload } from '../../k8s/podspec';
import { nodeRange, seqIn, stringItems } from '../../k8s/yaml';
import { exampleDeployment } from '../../k8s/examples';

/** Dashboard flags that let anyone reach it without a token (`--enable-skip-login`) or over plain HTTP logins. */
const DASHBOARD_FLAGS = ['--enable-skip-login', '--enable-insecure-login'];

export function isTillerImage(repository: string): boolean {
  return /(^|\/)tiller$/.test(repository);
}

export function isDashboardImage(repository: string): boolean {
  return /(^|\/)(kubernetesui\/dashboard(-web|-api)?|kubernetes-dashboard(-amd64|-arm64|-arm)?)$/.test(repository);
}

export default k8sRule({
  meta: {
    id: 'k8s/dangerous-component',
    target: 'k8s',
    title: 'Known-dangerous component deployed',
    severity: 'error',
    description:
      'Reports a container running Helm v2\'s Tiller (an image whose repository ends in `tiller`), and a Kubernetes Dashboard container started with `--enable-skip-login` or `--enable-insecure-login` (the flag not followed by `=false`). A Dashboard that requires a token is not reported.',
    rationale:
      'Tiller runs with cluster-admin rights and, by default, accepts unauthenticated gRPC from any pod, so any workload can install charts as cluster-admin; Helm v3 removed it. A Dashboard with skip-login lets anyone who reaches it act with the Dashboard\'s own service account, which is how the 2018 Tesla cryptomining breach began.',
    remediation: 'Remove Tiller and migrate the releases to Helm v3. Run the Dashboard without `--enable-skip-login`/`--enable-insecure-login`, behind authentication, with a least-privilege service account.',
    references: [
      { title: 'Helm: changes since Helm 2 (removal of Tiller)', url: 'https://helm.sh/docs/topics/v2_v3_migration/' },
      { title: 'Kubernetes Dashboard: access control', url: 'https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/README.md' },
    ],
    standards: { cis: ['CIS Kubernetes 5.1: RBAC and service accounts'] },
    messages: {
      tiller: 'Container `{{container}}` runs Tiller (Helm v2), which grants cluster-admin to any caller.',
      dashboardNoLogin: 'Container `{{container}}` runs the Kubernetes Dashboard with `{{flag}}`.',
    },
    equivalents: [],
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
      const image = imageOf(file, container);
      if (!image) continue;
      const { repository } = image;
      if (isTillerImage(repository)) {
        report({ messageId: 'tiller', data: { container: container.name }, range: image.range, container: container.name });
        continue;
      }
      if (!isDashboardImage(repository)) continue;
      const { doc } = container.pod;
      for (const key of ['command', 'args']) {
        for (const arg of stringItems(seqIn(container.node, [key], doc), doc)) {
          const [flag, value] = arg.value.split('=', 2);
          const range = nodeRange(file, arg.node);
          if (!flag || !DASHBOARD_FLAGS.includes(flag) || value === 'false' || !range) continue;
          report({ messageId: 'dashboardNoLogin', data: { container: container.name, flag }, range, container: container.name });
        }
      }
    }
  },
});
