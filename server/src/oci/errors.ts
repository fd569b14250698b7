// One error type for every way a registry lookup can fail, so hovers, diagnostics and the CLI can show a
// single clear sentence and branch on `kind` without parsing text.

export type RegistryErrorKind =
  | 'invalid-reference' // the text cannot be resolved (variable, scratch, bad syntax)
  | 'offline' // connection refused, DNS failure, network unreachable
  | 'timeout'
  | 'cancelled' // the caller aborted (editor moved on)
  | 'denied' // 401/403 after authenticating, or no credentials for a private image
  | 'not-found' // unknown repository, tag or digest
  | 'rate-limited' // 429
  | 'insecure' // would need plain HTTP to a host that is not loopback or listed as insecure
  | 'proxy' // the proxy setting is unusable (malformed, SOCKS) or the proxy refused us (407, CONNECT denied)
  | 'tls' // certificate problems
  | 'protocol'; // the registry answered something we cannot trust (bad digest, bad JSON, 5xx)

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    /** `host[:port]` the failure concerns, when known. */
    readonly registry?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isRegistryError(e: unknown): e is RegistryError {
  return e instanceof RegistryError;
}

/**
 * Defence in depth: messages are built from our own text, but server-provided snippets (error codes, realm
 * URLs) pass through here so that a secret we hold can never be echoed back to the user.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join('***');
  }
  return out;
}
