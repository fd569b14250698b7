// Heuristics for secrets: variable names that hold one, known credential formats, and files that contain one.

const DENY = new Set(['password', 'passwd', 'pword', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'credential', 'credentials', 'creds', 'privatekey', 'auth']);
// The value is about a secret, not the secret (moby/buildkit#5504, #5410, #5775 and hadolint users' reports).
const ALLOW_LAST = new Set([
  'version', 'ver', 'file', 'files', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'name', 'names', 'user', 'username',
  'id', 'ids', 'type', 'length', 'len', 'size', 'algorithm', 'alg', 'algo', 'region', 'prompt', 'string', 'fingerprint', 'fingerprints', 'keyring', 'keyserver',
  'server', 'servers', 'method', 'mode', 'enabled', 'enable', 'disabled', 'location', 'arn', 'alias', 'field', 'header', 'ttl', 'expiry', 'expires', 'expiration',
  'timeout', 'sha', 'sha1', 'sha256', 'sha512', 'checksum', 'hash', 'format', 'count', 'policy', 'provider', 'required', 'min', 'max', 'rotation', 'days',
  'env', 'var', 'prefix', 'suffix', 'kind', 'scope', 'scopes', 'store', 'manager', 'helper', 'mount', 'volume', 'ref', 'label', 'key_id', 'pub',
]);
const ALLOW_ANY = new Set(['public', 'pub', 'gpg', 'pgp', 'gnupg', 'gpgkey', 'gpgkeys', 'keyid', 'kms', 'cosign', 'sigstore', 'ssh_known', 'known', 'prompt', 'no', 'skip', 'disable', 'use', 'allow']);
const KEY_QUALIFIERS = new Set(['access', 'secret', 'private', 'api', 'signing', 'sign', 'encryption', 'encrypt', 'master', 'client', 'service', 'license', 'licence', 'app', 'auth', 'account', 'ssh', 'deploy', 'storage', 'subscription', 'session', 'jwt', 'hmac', 'aes', 'shared', 'consumer']);

// Well-known credential variables whose names the word rules would let through (`…_ID` is usually not a secret, but
// an AWS access key id is half of a credential pair and BuildKit's SecretsUsedInArgOrEnv reports it).
const WELL_KNOWN = new Set([
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'TENCENTCLOUD_SECRET_ID',
  'AZURE_CLIENT_SECRET', 'ARM_CLIENT_SECRET', 'ARM_ACCESS_KEY', 'AZURE_STORAGE_KEY', 'AZURE_STORAGE_CONNECTION_STRING', 'GOOGLE_API_KEY', 'GITHUB_TOKEN', 'GH_TOKEN',
  'GITLAB_TOKEN', 'NPM_TOKEN', 'NODE_AUTH_TOKEN', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'TWINE_PASSWORD', 'DOCKER_PASSWORD',
  'DOCKERHUB_TOKEN', 'SONAR_TOKEN', 'CODECOV_TOKEN', 'VAULT_TOKEN', 'DIGITALOCEAN_ACCESS_TOKEN', 'CLOUDFLARE_API_TOKEN', 'HEROKU_API_KEY', 'SENTRY_AUTH_TOKEN',
  'SLACK_BOT_TOKEN',
]);

function tokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The name of an ARG/ENV that holds a secret (`NPM_TOKEN`, `DB_PASSWORD`, `AWS_SECRET_ACCESS_KEY`), with the word that says so. */
export function secretNameWord(name: string, extraAllowed: readonly string[] = []): string | undefined {
  if (extraAllowed.some((p) => globMatch(p, name))) return undefined;
  if (WELL_KNOWN.has(name.toUpperCase())) return name;
  const t = tokens(name);
  const last = t[t.length - 1];
  if (!last || ALLOW_LAST.has(last) || t.some((w) => ALLOW_ANY.has(w))) return undefined;
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    if (DENY.has(w)) {
      // `auth` alone is often a mode or a URL part (`AUTH_TYPE` is already allowed); only trust it last.
      if (w === 'auth' && i !== t.length - 1) continue;
      return w;
    }
    if ((w === 'key' || w === 'keys') && i === t.length - 1 && i > 0 && KEY_QUALIFIERS.has(t[i - 1]!)) return `${t[i - 1]}_${w}`;
    if (w === 'pass' && (i === t.length - 1)) return w;
    if (w === 'pwd' && t.length > 1) return w;
  }
  return undefined;
}

export function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(name);
}

export interface SecretMatch {
  kind: string;
  index: number;
  length: number;
}

const PATTERNS: { kind: string; re: RegExp }[] = [
  { kind: 'AWS access key id', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/g },
  { kind: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'Slack token', re: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'Slack webhook', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{20,}/g },
  { kind: 'Stripe secret key', re: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}\b/g },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'PyPI token', re: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g },
  { kind: 'private key', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'JSON web token', re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g },
  { kind: 'credentials in a URL', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/'"$]+:[^\s@/'"$]{3,}@[^\s'"]+/g },
];

/** Known credential formats in a text. */
export function findSecretValues(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (kind === 'credentials in a URL' && /:(?:\$|\{\{|<|x+@|\*+@|password@|pass@|changeme)/i.test(m[0])) continue;
      out.push({ kind, index: m.index, length: m[0].length });
    }
  }
  return out;
}

export function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A literal value assigned to a secret-named variable that looks like a real secret rather than a placeholder. */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 8 || /[$`]/.test(value) || /\s/.test(value)) return false;
  if (/^(changeme|change_me|password|secret|example|dummy|placeholder|xxx+|\*+|<.*>|\{\{.*\}\}|true|false|none|null|undefined|disabled|test)$/i.test(value)) return false;
  // Values that announce themselves as fake (test fixtures such as `FAKE_TO_GENERATE_WARNING_OUTPUT`).
  if (/(^|[^a-z])(fake|dummy|example|placeholder|changeme|redacted|insecure|not[-_]?a[-_]?secret)([^a-z]|$)/i.test(value)) return false;
  if (/^\/|^\.\/|^https?:\/\/[^@]*$/.test(value)) return false;
  return shannonEntropy(value) >= 3;
}

// Files whose content is a credential: base names and path suffixes.
const SECRET_FILES: { re: RegExp; what: string }[] = [
  { re: /(^|\/)\.env(\.(?!example$|sample$|template$|dist$|defaults?$)[\w.-]+)?$/i, what: 'an environment file with secrets' },
  { re: /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/, what: 'an SSH private key' },
  { re: /(^|\/)\.ssh(\/|$)/, what: 'an SSH directory' },
  { re: /(^|\/)\.npmrc$/, what: 'an npm config with registry tokens' },
  { re: /(^|\/)\.pypirc$/, what: 'a PyPI config with upload credentials' },
  { re: /(^|\/)\.netrc$/, what: 'a .netrc with passwords' },
  { re: /(^|\/)\.git-credentials$/, what: 'git credentials' },
  { re: /(^|\/)\.aws(\/|$)/, what: 'AWS credentials' },
  { re: /(^|\/)\.docker\/config\.json$|(^|\/)\.dockercfg$/, what: 'Docker registry credentials' },
  { re: /(^|\/)\.kube\/config$|(^|\/)kubeconfig(\.ya?ml)?$/i, what: 'a kubeconfig' },
  { re: /(^|\/)\.gnupg(\/|$)/, what: 'a GnuPG keyring' },
  { re: /(^|\/)(credentials|service[-_]?account[\w-]*)\.json$/i, what: 'cloud credentials' },
  { re: /\.(key|p12|pfx|jks|keystore)$/i, what: 'a private key or keystore' },
  { re: /\.pem$/i, what: 'a PEM file (often a private key)' },
  { re: /(^|\/)\.htpasswd$/, what: 'a password file' },
];

/** What secret a copied path holds, or undefined. Certificates and public keys are not secrets. */
export function secretFileKind(path: string): string | undefined {
  const p = path.replace(/\/+$/, '');
  if (/\.pub$/i.test(p)) return undefined;
  if (/\.pem$/i.test(p) && /(cert|ca|chain|fullchain|bundle|public|pub|root|trust)[^/]*\.pem$/i.test(p)) return undefined;
  for (const { re, what } of SECRET_FILES) if (re.test(p)) return what;
  return undefined;
}
