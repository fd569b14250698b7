import rule from '../../../server/src/rules/k8s/container-runtime-socket';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const vol = (path: string) => `${C}volumes:\n  - name: v\n    hostPath:\n      path: ${path}\n`;
ruleTester(rule, {
  valid: [
    ...validEverywhere(vol('/mnt/data')),
    ...validEverywhere(vol('/var/run/secrets-store')),
    ...validEverywhere(`${C}volumes:\n  - name: v\n    emptyDir: {}\n`),
  ],
  invalid: [
    ...invalidEverywhere('docker.sock', vol('/var/run/docker.sock'), [{ messageId: 'socket', range: '7:13-7:33' }]),
    ...invalidEverywhere('containerd.sock', vol('/run/containerd/containerd.sock'), [{ messageId: 'socket', range: '7:13-7:44' }]),
    ...invalidEverywhere('crio.sock', vol('/var/run/crio/crio.sock'), [{ messageId: 'socket', range: '7:13-7:36' }]),
    ...invalidEverywhere('parent directory /var/run', vol('/var/run/'), [{ messageId: 'socket', range: '7:13-7:22' }]),
  ],
});
