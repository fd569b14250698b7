import rule from '../../../server/src/rules/k8s/sensitive-host-path';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const vol = (path: string) => `${C}volumes:\n  - name: v\n    hostPath:\n      path: ${path}\n`;
const mounted = (path: string, readOnly: string) => `${C}    volumeMounts:\n      - {name: v, mountPath: /m${readOnly}}\n  - name: side\n    image: busybox:1.36\n    volumeMounts:\n      - {name: v, mountPath: /m, readOnly: true}\nvolumes:\n  - name: v\n    hostPath:\n      path: ${path}\n`;
ruleTester(rule, {
  valid: [
    ...validEverywhere(vol('/mnt/data')),
    ...validEverywhere(vol('/var/run/docker.sock')),
    ...validEverywhere(vol('/var/log/pods')),
    ...validEverywhere(vol('/etcd-data')),
    // Public CA bundles and time-zone data, read-only in every container (corpus: vitess vttablet, /etc/ssl/certs).
    ...validEverywhere(mounted('/etc/ssl/certs', ', readOnly: true')),
    ...validEverywhere(mounted('/etc/localtime', ', readOnly: true')),
    ...validEverywhere(mounted('/usr/share/zoneinfo/', ', readOnly: true')),
  ],
  invalid: [
    ...invalidEverywhere('/etc', vol('/etc'), [{ messageId: 'sensitive', range: '7:13-7:17' }]),
    ...invalidEverywhere('under /proc, trailing slash', vol('/proc/sys/'), [{ messageId: 'sensitive', range: '7:13-7:23' }]),
    ...invalidEverywhere('root, quoted', vol('"/"'), [{ messageId: 'sensitive', range: '7:13-7:16' }]),
    ...invalidEverywhere('a CA bundle mounted writable by one container', mounted('/etc/ssl/certs', ''), [{ messageId: 'sensitive', range: '13:13-13:27' }]),
    ...invalidEverywhere('a private key directory next to the CA bundle', mounted('/etc/ssl/private', ', readOnly: true'), [{ messageId: 'sensitive', range: '13:13-13:29' }]),
    ...invalidEverywhere('kubelet state', vol('/var/lib/kubelet/pki'), [{ messageId: 'sensitive', range: '7:13-7:33' }]),
  ],
});
