// Resolves the image sites of one or more files against their registries, each distinct reference once and a
// few at a time, and turns the answers into pin plans, drift findings and "could not resolve" notes. Shared
// by the language server and the CLI; whether a lookup may happen at all is the caller's decision.
import type { Finding } from '../core/types';
import type { Outcome, OciClient, RegistryError, ResolvedImage } from '../oci';
import { isDrift, planPin, type PinPlan } from './plan';
import type { ImageSite } from '../images/sites';

/** Registry checks: findings that need a lookup, so they come from here and not from a (pure) rule. */
export const REGISTRY_CHECKS = {
  'registry/digest-drift': {
    title: 'Pinned digest is out of date',
    severity: 'info',
    description:
      'The image is pinned as `tag@digest`, and the registry says the tag now points to a different digest. The build still uses the written digest; the tag has moved on (a rebuild, usually with security fixes).',
  },
  'registry/image-signature': {
    title: 'Image not signed by a trusted signer',
    severity: 'error',
    description:
      'An image that the `signatures` policy of `.shipshape.yaml` names has no valid signature from a key or identity the policy trusts: it is unsigned, signed by someone else, or its signature is broken or for another digest. When the signatures could not be read (offline, denied) the finding is informational instead.',
  },
  'registry/unresolved-image': {
    title: 'Image could not be resolved',
    severity: 'info',
    description: 'The registry lookup for this image failed (offline, denied, not found, rate-limited). Nothing about the file is wrong until the lookup succeeds.',
  },
} as const;

export type RegistryCheckId = keyof typeof REGISTRY_CHECKS;
export const DRIFT_ID: RegistryCheckId = 'registry/digest-drift';
export const UNRESOLVED_ID: RegistryCheckId = 'registry/unresolved-image';
export const UPDATE_DIGEST_TITLE = 'Update digest';
export const PIN_TITLE = 'Pin to digest';

export type Resolutions = Map<string, Outcome<ResolvedImage>>;

export interface ResolveSitesOptions {
  /** Skip the digest cache: explicit pins and `shipshape pin` want what the tag points to now. */
  fresh?: boolean;
  signal?: AbortSignal;
  concurrency?: number;
  /** Called after each distinct reference is answered (progress). */
  onResolved?: (done: number, total: number) => void;
}

/** Resolves each distinct reference text once; the map is keyed by the text as written. */
export async function resolveSites(client: OciClient, sites: readonly ImageSite[], options: ResolveSitesOptions = {}): Promise<Resolutions> {
  const texts = [...new Set(sites.map((s) => s.text))];
  const out: Resolutions = new Map();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < texts.length) {
      const text = texts[next++]!;
      const outcome = await client.resolve(text, { ...(options.fresh ? { fresh: true } : {}), ...(options.signal ? { signal: options.signal } : {}) });
      out.set(text, outcome);
      options.onResolved?.(++done, texts.length);
    }
  };
  // Registries throttle bursts (Docker Hub counts requests); a handful in parallel keeps a workspace pin quick.
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, texts.length) }, worker));
  return out;
}

export interface PinOutcome {
  plans: PinPlan[];
  /** Sites already naming the digest their tag points to. */
  current: ImageSite[];
  failures: { site: ImageSite; error: RegistryError }[];
}

/** What pinning these sites would change, given the registry's answers. */
export function pinOutcome(sites: readonly ImageSite[], resolutions: Resolutions): PinOutcome {
  const result: PinOutcome = { plans: [], current: [], failures: [] };
  for (const site of sites) {
    const outcome = resolutions.get(site.text);
    if (!outcome) continue;
    if (!outcome.ok) {
      result.failures.push({ site, error: outcome.error });
      continue;
    }
    const p = planPin(site, outcome.value.digest);
    if (p) result.plans.push(p);
    else result.current.push(site);
  }
  return result;
}

/** The digest a pinned `tag@digest` site's tag points to now, when that differs from the written one. */
export function driftOf(site: ImageSite, outcome: Outcome<ResolvedImage> | undefined): { current: string; plan: PinPlan } | undefined {
  if (!outcome?.ok || !isDrift(site, outcome.value.digest)) return undefined;
  const plan = planPin(site, outcome.value.digest);
  return plan ? { current: outcome.value.digest, plan } : undefined;
}

export function driftMessage(site: ImageSite, current: string): string {
  return `The tag of \`${site.text.slice(0, site.text.indexOf('@'))}\` now points to ${current}; the written digest ${site.ref.digest ?? ''} is out of date.`;
}

/** Findings for `shipshape scan --resolve`: drift with its "Update digest" fix, and one note per failed lookup. */
export function registryFindings(sites: readonly ImageSite[], resolutions: Resolutions): Finding[] {
  const out: Finding[] = [];
  for (const site of sites) {
    const outcome = resolutions.get(site.text);
    if (!outcome) continue;
    if (!outcome.ok) {
      out.push({
        ruleId: UNRESOLVED_ID,
        severity: REGISTRY_CHECKS[UNRESOLVED_ID].severity,
        message: `Could not resolve \`${site.text}\`: ${outcome.error.message}`,
        range: site.range,
        suggestions: [],
      });
      continue;
    }
    const drift = driftOf(site, outcome);
    if (drift) {
      out.push({
        ruleId: DRIFT_ID,
        severity: REGISTRY_CHECKS[DRIFT_ID].severity,
        message: driftMessage(site, drift.current),
        range: site.range,
        fix: { title: UPDATE_DIGEST_TITLE, edits: [drift.plan.edit] },
        suggestions: [],
      });
    }
  }
  return out;
}
