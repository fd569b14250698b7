// Heuristics for secret-looking names and values, tuned against the noise peers are known for.

/** Name parts that mean "this holds a credential". */
const SECRET_WORDS = /^(PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRETS|TOKEN|APIKEY|CREDENTIAL|CREDENTIALS|PRIVATEKEY|ACCESSKEY|SECRETKEY|CLIENTSECRET|AUTHTOKEN|PASS)$/;
/** Trailing parts that mean the value is about a credential, not the credential (moby/buildkit#5775, #5504, #5403). */
const BENIGN_SUFFIX = /^(FILE|PATH|DIR|URL|URI|ENDPOINT|NAME|ENABLED|ENABLE|TYPE|ID|LENGTH|LEN|TTL|EXPIRY|EXPIRATION|TIMEOUT|REF|HEADER|FIELD|POLICY|MODE|PROVIDER|KEY|VERSION|PROMPT|ALGORITHM|ALG|COUNT|SIZE|MIN|MAX|HOST|PORT|LOCATION|MOUNT|SOURCE|FORMAT|REGEX|PATTERN|AUDIENCE|ISSUER|SCOPE|SCOPES|ROTATION|INTERVAL|DURATION|PERIOD|LIFETIME|REQUIRED|USER|USERNAME|HASH)$/;

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** `DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN` — but not `PASSWORD_FILE`, `TOKEN_URL`, `PUBLIC_KEY`, `SECRET_NAME`. */
export function isSecretName(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0) return false;
  const joined = parts.map((p, i) => (i + 1 < parts.length ? [p, p + parts[i + 1]] : [p])).flat();
  if (!joined.some((p) => SECRET_WORDS.test(p))) return false;
  const last = parts[parts.length - 1]!;
  if (parts.includes('PUBLIC')) return false;
  // `API_KEY`, `SECRET_KEY`, `ACCESS_KEY` end in KEY but are credentials.
  if (last === 'KEY') return parts.length >= 2 && /^(API|SECRET|ACCESS|PRIVATE|ENCRYPTION|SIGNING|MASTER)$/.test(parts[parts.length - 2]!);
  return !BENIGN_SUFFIX.test(last);
}

/** Values that are not a literal credential: empty, references, booleans, paths, obvious placeholders. */
export function isBenignValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (/^(true|false|yes|no|on|off|null|none|changeme|change-me|redacted|\*+|x+|-+)$/i.test(v)) return true;
  if (/\$\(|\$\{|\{\{|^\$[A-Za-z_]|^<.*>$|^%.*%$/.test(v)) return true;
  if (/^\/[^\s]*$/.test(v) || /^[a-z]+:\/\/[^@\s]*$/i.test(v)) return true;
  if (/^[0-9.]+$/.test(v)) return true;
  // Placeholders left for the reader: `HF_TOKEN`, `INSERT_TOKEN_HERE`, `your-password`, `<api key>`.
  if (/^[A-Z][A-Z0-9_]*$/.test(v) || /your|insert|replace|placeholder|example|dummy|sample|todo/i.test(v)) return true;
  return false;
}

const KNOWN_FORMATS: readonly [string, RegExp][] = [
  ['AWS access key', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['GitHub token', /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/],
  ['GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}\b/],
  ['Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/],
  ['Stripe secret key', /\b(sk|rk)_live_[A-Za-z0-9]{20,}\b/],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['private key', /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----/],
  ['password in a URL', /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:[^\s@/$%{}<>]{3,}@[^\s]+/i],
];

/** The kind of credential a value contains, when it matches a format no false positive shares. */
export function knownSecretFormat(value: string): string | undefined {
  return KNOWN_FORMATS.find(([, re]) => re.test(value))?.[0];
}
