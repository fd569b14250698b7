import rule from '../../../server/src/rules/compose/trusted-registry';
import { ruleTester } from '../../support/ruleTester';

const web = (image: string) => `services:\n  web:\n    image: ${image}\n`;
const trust = (...trustedRegistries: string[]) => ({ trustedRegistries });

ruleTester(rule, {
  valid: [
    web('nginx:1.27.3'),
    { code: web('registry.example.com/nginx:1.27.3'), config: trust('registry.example.com') },
    { code: web('nginx:1.27.3'), config: trust('docker.io') },
    { code: web('eu.mirror.example.com/x:1'), config: trust('*.mirror.example.com') },
  ],
  invalid: [
    { code: web('nginx:1.27.3'), config: trust('registry.example.com'), errors: [{ messageId: 'untrusted', range: '3:12-3:24' }] },
    { code: web('ghcr.io/other/app:1'), config: trust('ghcr.io/acme'), errors: [{ messageId: 'untrusted', range: '3:12-3:31' }] },
    { code: web('quay.io/x:1'), config: { rules: { 'compose/trusted-registry': { options: { trustedRegistries: ['ghcr.io'] } } } }, errors: [{ messageId: 'untrusted', range: '3:12-3:23' }] },
  ],
});
