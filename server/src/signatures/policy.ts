// Which images a signature policy covers and whom it trusts for them. Every entry whose `images` glob matches
// contributes its keys and identities: any one trusted signer is enough.
import type { SignaturePolicy } from '../core/config';
import { familiarString, fullName, parseReference, type ImageReference } from '../oci';
import type { Identity } from './sigstore';

export interface TrustSpec {
  /** Absolute paths of PEM public keys. */
  readonly keyPaths: readonly string[];
  readonly identities: readonly Identity[];
  /** Absolute path of a trusted root; the public-good root when absent. */
  readonly trustedRoot?: string;
  /** Where the signatures of this image are read (its own repository unless the policy names another). */
  readonly signatureRepository: ImageReference;
}

/**
 * The trust for `ref`, or undefined when nothing asks for it to be checked. `extraKeys` (`verify --key`) add to
 * the policy's keys; with no policy at all they make every image checked.
 */
export function trustFor(policy: SignaturePolicy | undefined, ref: ImageReference, extraKeys: readonly string[] = []): TrustSpec | undefined {
  const entries = (policy?.policy ?? []).filter((e) => imageMatches(e.images, ref));
  if (!entries.length && (policy?.policy.length || !extraKeys.length)) return undefined;
  const keyPaths = [...new Set([...entries.flatMap((e) => e.keys), ...extraKeys])];
  const identities = entries.flatMap((e) => e.identities);
  const elsewhere = entries.map((e) => e.signatureRepository).find((r): r is string => r !== undefined);
  const parsed = elsewhere === undefined ? undefined : parseReference(elsewhere);
  const signatureRepository = parsed?.ok ? parsed.ref : ref;
  return { keyPaths, identities, ...(policy?.trustedRoot ? { trustedRoot: policy.trustedRoot } : {}), signatureRepository };
}

/** Whether the glob names the image: matched against `registry/repository` and the short form Docker prints. */
export function imageMatches(glob: string, ref: ImageReference): boolean {
  const re = globRegExp(glob.trim());
  const { tag: _tag, digest: _digest, ...name } = ref;
  const short = familiarString(name);
  return re.test(fullName(ref)) || re.test(short);
}

// `**` crosses `/`, `*` stays within one path segment, `?` is one character (cosign's ClusterImagePolicy globs).
function globRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
