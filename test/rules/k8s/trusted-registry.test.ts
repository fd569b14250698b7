import rule from '../../../server/src/rules/k8s/trusted-registry';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const img = (image: string, extra = '') => `containers:\n  - name: app\n    image: ${image}\n${extra}`;

const trusted = { trustedRegistries: ['registry.example.com', '*.acme.io', 'ghcr.io/acme'] };
const withConfig = <T extends { code: string }>(cases: T[]): T[] => cases.map((c) => ({ ...c, config: trusted }));
ruleTester(rule, {
  valid: [
    ...validEverywhere(img('nginx:1.27.3')),
    ...withConfig(validEverywhere(img('registry.example.com/team/app:1'))),
    ...withConfig(validEverywhere(img('eu.acme.io/app:1'))),
    ...withConfig(validEverywhere(img('ghcr.io/acme/tools/cli:2'))),
  ],
  invalid: [
    ...withConfig(invalidEverywhere('Docker Hub by default', img('nginx:1.27.3'), [{ messageId: 'untrusted', range: '3:12-3:24', container: 'app' }])),
    ...withConfig(invalidEverywhere('other org on the same registry', img('ghcr.io/evil/app:1'), [{ messageId: 'untrusted', range: '3:12-3:30' }])),
    ...withConfig(invalidEverywhere('lookalike host', img('registry.example.com.evil.io/app:1'), [{ messageId: 'untrusted', range: '3:12-3:46' }])),
  ],
});
