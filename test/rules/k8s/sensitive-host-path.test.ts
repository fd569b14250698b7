import rule from '../../../server/src/rules/k8s/sensitive-host-path';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const vol = (path: string) => `${C}volumes:\n  - name: v\n    hostPath:\n      path: ${path}\n`;
ruleTester(rule, {
  valid: [
    ...validEverywhere(vol('/mnt/data')),
    ...validEverywhere(vol('/var/run/docker.sock')),
    ...validEverywhere(vol('/var/log/pods')),
    ...validEverywhere(vol('/etcd-data')),
  ],
  invalid: [
    ...invalidEverywhere('/etc', vol('/etc'), [{ messageId: 'sensitive', range: '7:13-7:17' }]),
    ...invalidEverywhere('under /proc, trailing slash', vol('/proc/sys/'), [{ messageId: 'sensitive', range: '7:13-7:23' }]),
    ...invalidEverywhere('root, quoted', vol('"/"'), [{ messageId: 'sensitive', range: '7:13-7:16' }]),
    ...invalidEverywhere('kubelet state', vol('/var/lib/kubelet/pki'), [{ messageId: 'sensitive', range: '7:13-7:33' }]),
  ],
});
