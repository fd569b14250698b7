import rule from '../../../server/src/rules/k8s/dangerous-component';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const container = (image: string, extra = '') => `containers:\n  - name: app\n    image: ${image}\n${extra}`;

ruleTester(rule, {
  valid: [
    ...validEverywhere(container('kubernetesui/dashboard:v2.7.0', '    args: [--auto-generate-certificates, --namespace=kubernetes-dashboard]\n')),
    ...validEverywhere(container('kubernetesui/dashboard:v2.7.0', '    args: [--enable-skip-login=false]\n')),
    // Names that merely contain "tiller" (peers that match substrings flag these).
    ...validEverywhere(container('registry.example.com/distiller:1.0')),
    ...validEverywhere(container('nginx:1.27.3', '    args: [--enable-skip-login]\n')),
    ...validEverywhere(container('registry.k8s.io/git-sync/git-sync:v4.2.4', '    args: [--repo=https://github.com/org/repo, --root=/git]\n    env:\n      - {name: GITSYNC_REF, value: main}\n')),
    ...validEverywhere(container('quay.io/argoproj/argocli:v3.5.8', '    args: [server, --auth-mode=sso, --auth-mode=client]\n')),
    ...validEverywhere(container('quay.io/argoproj/argocd:v2.11.3', '    command: [argocd-server]\n    args: [--insecure]\n')),
    ...validEverywhere(container('grafana/grafana:11.1.0', '    env:\n      - {name: GF_AUTH_ANONYMOUS_ENABLED, value: "true"}\n      - {name: GF_AUTH_ANONYMOUS_ORG_ROLE, value: Viewer}\n')),
  ],
  invalid: [
    ...invalidEverywhere('Tiller from gcr', container('gcr.io/kubernetes-helm/tiller:v2.16.12'), [{ messageId: 'tiller', range: '3:12-3:50' }]),
    ...invalidEverywhere('Tiller from ghcr', container('ghcr.io/helm/tiller:v2.17.0'), [{ messageId: 'tiller', range: '3:12-3:39' }]),
    ...invalidEverywhere('Dashboard with skip-login', container('kubernetesui/dashboard:v2.7.0', '    args:\n      - --auto-generate-certificates\n      - --enable-skip-login\n'), [
      { messageId: 'dashboardNoLogin', range: '6:9-6:28' },
    ]),
    ...invalidEverywhere('git-sync told which git to run (CKV_K8S_159)', container('registry.k8s.io/git-sync/git-sync:v4.2.4', '    env:\n      - name: GITSYNC_GIT\n        value: /tmp/evil\n'), [
      { messageId: 'gitSyncGit', range: '5:15-5:26', container: 'app' },
    ]),
    ...invalidEverywhere('the v3 variable in any container', container('alpine:3.20', '    env: [{name: GIT_SYNC_GIT, value: /bin/sh}]\n'), [{ messageId: 'gitSyncGit', range: '4:18-4:30' }]),
    ...invalidEverywhere('git-sync --git flag', container('k8s.gcr.io/git-sync/git-sync:v3.6.9', '    args: [--repo=https://example.com/r, --git=/opt/git]\n'), [{ messageId: 'gitSyncGit', range: '4:42-4:56' }]),
    ...invalidEverywhere('Argo Workflows server without client auth', container('quay.io/argoproj/argocli:v3.5.8', '    args: [server, --auth-mode, server]\n'), [{ messageId: 'noAuth', range: '4:20-4:31' }]),
    ...invalidEverywhere('Argo CD server with auth disabled', container('quay.io/argoproj/argocd:v2.11.3', '    command: [argocd-server, --disable-auth]\n'), [{ messageId: 'noAuth', range: '4:30-4:44' }]),
    ...invalidEverywhere('Argo CD auth disabled by env', container('quay.io/argoproj/argocd:v2.11.3', '    env: [{name: ARGOCD_SERVER_DISABLE_AUTH, value: "true"}]\n'), [{ messageId: 'noAuth', range: '4:53-4:59' }]),
    ...invalidEverywhere('Grafana anonymous admin', container('grafana/grafana:11.1.0', '    env:\n      - {name: GF_AUTH_ANONYMOUS_ENABLED, value: "true"}\n      - {name: GF_AUTH_ANONYMOUS_ORG_ROLE, value: Admin}\n'), [{ messageId: 'noAuth', range: '6:51-6:56' }]),
    ...invalidEverywhere('old Dashboard image with insecure login', container('k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1', '    args: [--enable-insecure-login=true]\n'), [
      { messageId: 'dashboardNoLogin', range: '4:12-4:40' },
    ]),
  ],
});
