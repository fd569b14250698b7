import rule from '../../../server/src/rules/k8s/non-core-volume';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}volumes:\n  - name: a\n    emptyDir: {}\n  - name: b\n    persistentVolumeClaim: {claimName: b}\n  - name: c\n    projected: {sources: []}\n`),
    ...validEverywhere(`${C}volumes:\n  - name: h\n    hostPath: {path: /mnt}\n`),
    ...validEverywhere(`${C}volumes:\n  - name: s\n    secret: {secretName: s}\n  - name: e\n    ephemeral: {}\n`),
  ],
  invalid: [
    ...invalidEverywhere('gitRepo', `${C}volumes:\n  - name: src\n    gitRepo:\n      repository: https://example.com/r.git\n`, [{ messageId: 'gitRepo', range: '6:5-6:12' }]),
    ...invalidEverywhere('nfs', `${C}volumes:\n  - name: data\n    nfs: {server: nfs.example.com, path: /exports}\n`, [{ messageId: 'nonCore', range: '6:5-6:8' }]),
    ...invalidEverywhere('flexVolume in flow', `${C}volumes: [{name: f, flexVolume: {driver: x/y}}]\n`, [{ messageId: 'nonCore', range: '4:21-4:31' }]),
  ],
});
