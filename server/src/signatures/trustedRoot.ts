// Sigstore trusted roots: the public-good root (Fulcio CAs, Rekor and CT log keys) shipped inside the bundle from
// @sigstore/tuf's seed, or a private deployment's `trusted_root.json` named in `.shipshape.yaml`. No TUF refresh
// happens at run time: the editor and CI must verify offline-capable and without fetching anything but images.
import { readFile } from 'node:fs/promises';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial, type VerifierOptions } from '@sigstore/verify';

// The seed @sigstore/tuf bootstraps its TUF client with; its trusted_root.json target is the public-good root.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SEEDS = require('@sigstore/tuf/seeds.json') as Record<string, { targets?: Record<string, string> }>;
const PUBLIC_GOOD_REPO = 'https://tuf-repo-cdn.sigstore.dev';

export const PUBLIC_GOOD = 'sigstore public-good';

export interface LoadedRoot {
  /** `sigstore public-good` or the file the root came from. */
  readonly name: string;
  readonly material: TrustMaterial;
  /** What a bundle must carry: a CT proof only where the root has CT logs, a log entry where it has logs. */
  readonly thresholds: VerifierOptions;
}

export type RootLoad = { ok: true; root: LoadedRoot } | { ok: false; message: string };

export function publicGoodRootJson(): unknown {
  const encoded = SEEDS[PUBLIC_GOOD_REPO]?.targets?.['trusted_root.json'];
  if (!encoded) throw new Error('the @sigstore/tuf seed has no trusted_root.json');
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}

export function rootFromJson(json: unknown, name: string): RootLoad {
  try {
    const root = TrustedRoot.fromJSON(json);
    if (!root.certificateAuthorities.length && !root.tlogs.length) return { ok: false, message: `${name} lists no certificate authority and no transparency log.` };
    return {
      ok: true,
      root: {
        name,
        material: toTrustMaterial(root),
        thresholds: { ctlogThreshold: root.ctlogs.length ? 1 : 0, tlogThreshold: root.tlogs.length ? 1 : 0, timestampThreshold: 1 },
      },
    };
  } catch (err) {
    return { ok: false, message: `${name} is not a Sigstore trusted root (${err instanceof Error ? err.message : String(err)}).` };
  }
}

let publicGood: RootLoad | undefined;

/** The root named by the policy (a file path), else the public-good root. */
export async function loadTrustedRoot(path: string | undefined): Promise<RootLoad> {
  if (path === undefined) return (publicGood ??= rootFromJson(publicGoodRootJson(), PUBLIC_GOOD));
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, message: `cannot read trusted root ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}).` };
  }
  try {
    return rootFromJson(JSON.parse(text), path);
  } catch {
    return { ok: false, message: `${path} is not valid JSON.` };
  }
}
