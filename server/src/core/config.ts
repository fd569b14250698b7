// The resolved configuration the engine sees; files, settings and CLI flags are merged before this point.
import type { Severity, SeveritySetting } from './types';
import { SEVERITIES } from './types';

export type RuleSetting = SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> };

export interface SuppressionPolicy {
  /** Honour hadolint, BuildKit, Checkov, kube-linter and Trivy suppressions mapped through `equivalents`. */
  peers?: boolean;
  /** A suppression without a reason does not suppress and is reported. */
  requireReason?: boolean;
  /** Report suppressions that no longer suppress anything. */
  reportUnused?: boolean;
}

export interface LintConfig {
  rules?: Record<string, RuleSetting>;
  suppressions?: SuppressionPolicy;
  /** Registries images may come from (wildcards allowed); empty means the trusted-registry rules stay quiet. */
  trustedRegistries?: string[];
  /** Which images must be signed, and by whom (`signatures` in `.shipshape.yaml`); read by registry checks only. */
  signatures?: SignaturePolicy;
  /** Files larger than this are not linted (one `shipshape/skipped-file` notice instead); read by the scan, not the engine. */
  maxFileBytes?: number;
  /**
   * Set by the scan for one file whose name is not a lintable one: lint it as `languageId` (the config's
   * `dockerfiles` patterns), or decide by content (a file named on the command line). Read by the scan, not the engine.
   */
  fileHint?: { languageId?: string; byContent?: boolean };
  /** Set by the host: whether a `.dockerignore` sits next to the Dockerfile (the engine does no I/O). */
  context?: LintContextFacts;
  /** How Helm charts are rendered for linting. */
  helm?: HelmSettings;
}

export interface HelmSettings {
  /** Values files (relative to each chart) linted as extra scenarios on top of values.yaml; missing ones are skipped. */
  valuesFiles?: string[];
  releaseName?: string;
  namespace?: string;
  /** `.Capabilities.KubeVersion`, e.g. `v1.31.0`. */
  kubeVersion?: string;
  /** Extra `.Capabilities.APIVersions` entries, e.g. `monitoring.coreos.com/v1`. */
  apiVersions?: string[];
}

export interface SignaturePolicy {
  /** Absolute path of a Sigstore `trusted_root.json` (private deployment); the public-good root when absent. */
  trustedRoot?: string;
  policy: SignaturePolicyEntry[];
}

export interface SignaturePolicyEntry {
  /** Glob over the image name without tag or digest (`ghcr.io/acme/*`, `nginx`, `**`). */
  images: string;
  /** Absolute paths of PEM public keys (`cosign.pub`). */
  keys: string[];
  /** Keyless signers: certificate issuer and subject (`*` matches any run of characters). */
  identities: { issuer: string; subject: string }[];
  /** Where signatures are stored when not beside the image (cosign's COSIGN_REPOSITORY); may be another registry. */
  signatureRepository?: string;
}

export interface LintContextFacts {
  hasDockerignore?: boolean;
  /** Today's date as YYYY-MM-DD, for suppression expiry; injected so lint stays pure. */
  today?: string;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function ruleSeverity(config: LintConfig, id: string, fallback: Severity, enabledByDefault: boolean): SeveritySetting {
  const setting = config.rules?.[id];
  const value = typeof setting === 'object' && setting !== null ? setting.severity : setting;
  if (value === 'off' || isSeverity(value)) return value;
  return enabledByDefault ? fallback : 'off';
}

export function ruleOptions(config: LintConfig, id: string): Record<string, unknown> {
  const setting = config.rules?.[id];
  return typeof setting === 'object' && setting !== null ? (setting.options ?? {}) : {};
}
