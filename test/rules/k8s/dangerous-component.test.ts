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
  ],
  invalid: [
    ...invalidEverywhere('Tiller from gcr', container('gcr.io/kubernetes-helm/tiller:v2.16.12'), [{ messageId: 'tiller', range: '3:12-3:50' }]),
    ...invalidEverywhere('Tiller from ghcr', container('ghcr.io/helm/tiller:v2.17.0'), [{ messageId: 'tiller', range: '3:12-3:39' }]),
    ...invalidEverywhere('Dashboard with skip-login', container('kubernetesui/dashboard:v2.7.0', '    args:\n      - --auto-generate-certificates\n      - --enable-skip-login\n'), [
      { messageId: 'dashboardNoLogin', range: '6:9-6:28' },
    ]),
    ...invalidEverywhere('old Dashboard image with insecure login', container('k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1', '    args: [--enable-insecure-login=true]\n'), [
      { messageId: 'dashboardNoLogin', range: '4:12-4:40' },
    ]),
  ],
});
