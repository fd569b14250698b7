// Public keys a policy trusts (`cosign.pub` PEM files: ECDSA, RSA or Ed25519) and the one signature check
// cosign key signatures need: over the exact payload bytes, SHA-256 for ECDSA and RSA, pure Ed25519.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export interface TrustedKey {
  /** `SHA256:<base64>` of the DER SubjectPublicKeyInfo, as `ssh-keygen -l` prints fingerprints. */
  readonly fingerprint: string;
  /** Where it came from (file name), for messages. */
  readonly source: string;
  readonly key: KeyObject;
}

export type KeyLoad = { ok: true; key: TrustedKey } | { ok: false; message: string };

export function parsePublicKey(pem: string, source: string): KeyLoad {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (err) {
    return { ok: false, message: `${source} is not a PEM public key (${err instanceof Error ? err.message : String(err)}).` };
  }
  const type = key.asymmetricKeyType;
  if (type !== 'ec' && type !== 'rsa' && type !== 'rsa-pss' && type !== 'ed25519') {
    return { ok: false, message: `${source} holds a ${type ?? 'unknown'} key; cosign keys are ECDSA, RSA or Ed25519.` };
  }
  return { ok: true, key: { fingerprint: fingerprintOf(key), source, key } };
}

export async function loadPublicKey(path: string): Promise<KeyLoad> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, message: `cannot read key file ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}).` };
  }
  return parsePublicKey(pem, basename(path));
}

export function fingerprintOf(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

/** Whether `signature` is `key`'s signature over `payload`. Malformed signatures are simply not valid. */
export function verifiesWith(key: KeyObject, payload: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', payload, key, signature);
  } catch {
    return false;
  }
}
