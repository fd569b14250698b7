import rule from '../../../server/src/rules/k8s/trusted-registry';
import type { LintConfig } from '../../../server/src/api';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const img = (image: string, extra = '') => `containers:\n  - name: app\n    image: ${image}\n${extra}`;

const trusted = { trustedRegistries: ['registry.example.com', '*.acme.io', 'ghcr.io/acme'] };
const withConfig = <T extends { code: string }>(cases: T[], config: LintConfig = trusted): T[] => cases.map((c) => ({ ...c, config }));
ruleTester(rule, {
  valid: [
    ...validEverywhere(img('nginx:1.27.3')),
    ...withConfig(validEverywhere(img('registry.example.com/team/app:1'))),
    ...withConfig(validEverywhere(img('eu.acme.io/app:1'))),
    ...withConfig(validEverywhere(img('ghcr.io/acme/tools/cli:2'))),
    // Same matcher as dockerfile/trusted-registry: a registry path prefix, letter case ignored on both sides.
    ...withConfig(validEverywhere(img('ghcr.io/acme/app:1.0'))),
    ...withConfig(validEverywhere(img('GHCR.io/acme/app:1.0'))),
    ...withConfig(validEverywhere(img('ghcr.io/acme/app:1.0')), { trustedRegistries: ['GHCR.IO/Acme'] }),
    ...withConfig(validEverywhere(img('nginx:1.27.3')), { trustedRegistries: ['docker.io/library'] }),
    ...withConfig(validEverywhere(img('nginx:1.27.3')), { trustedRegistries: ['index.docker.io'] }),
    ...withConfig(validEverywhere(img('"{IMAGE}"'))),
    ...withConfig(validEverywhere(img('registry.example.com/app:1')), { rules: { 'k8s/trusted-registry': { options: { trustedRegistries: ['registry.example.com'] } } } }),
  ],
  invalid: [
    ...withConfig(invalidEverywhere('Docker Hub by default', img('nginx:1.27.3'), [{ messageId: 'untrusted', range: '3:12-3:17', container: 'app' }])),
    ...withConfig(invalidEverywhere('other org on the same registry', img('ghcr.io/evil/app:1'), [{ messageId: 'untrusted', range: '3:12-3:28' }])),
    ...withConfig(invalidEverywhere('prefix is whole path parts', img('ghcr.io/acme-evil/app:1'), [{ messageId: 'untrusted', range: '3:12-3:33' }])),
    ...withConfig(invalidEverywhere('lookalike host', img('registry.example.com.evil.io/app:1'), [{ messageId: 'untrusted', range: '3:12-3:40' }])),
    ...withConfig(invalidEverywhere('quoted: range inside the quotes', img('"quay.io/x/app:1"'), [{ messageId: 'untrusted', range: '3:13-3:20' }])),
    ...withConfig(invalidEverywhere('official image outside a Hub org prefix', img('nginx:1.27.3'), [{ messageId: 'untrusted', range: '3:12-3:17' }]), { trustedRegistries: ['docker.io/acme'] }),
  ],
});
