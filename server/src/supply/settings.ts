// The `shipshape.registry.*` and `shipshape.trustedRegistries` settings, narrowed from whatever the client sent,
// and the credential provider built from them. Secrets are only ever handed to the registry they are keyed by.
import { normalizeRegistryKey, type CredentialProvider, type Credentials } from '../oci/credentials';

export interface RegistrySettings {
  /** On-demand lookups (hover, "Pin to digest", pin commands). */
  enable: boolean;
  /** Background drift check of pinned `tag@digest` references in open documents. */
  checkDigests: boolean;
  insecureRegistries: string[];
  credentials: Record<string, Credentials>;
}

export const DEFAULT_REGISTRY_SETTINGS: RegistrySettings = { enable: true, checkDigests: false, insecureRegistries: [], credentials: {} };

export function parseRegistrySettings(raw: unknown, warn: (message: string) => void = () => {}): RegistrySettings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_REGISTRY_SETTINGS, insecureRegistries: [], credentials: {} };
  const v = raw as Record<string, unknown>;
  return {
    enable: typeof v.enable === 'boolean' ? v.enable : DEFAULT_REGISTRY_SETTINGS.enable,
    checkDigests: typeof v.checkDigests === 'boolean' ? v.checkDigests : DEFAULT_REGISTRY_SETTINGS.checkDigests,
    insecureRegistries: parseStringList(v.insecureRegistries, 'shipshape.registry.insecureRegistries', warn),
    credentials: parseCredentials(v.credentials, warn),
  };
}

export function parseStringList(raw: unknown, name: string, warn: (message: string) => void): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    warn(`${name}: expected an array of strings`);
    return [];
  }
  const out = raw.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  if (out.length !== raw.length) warn(`${name}: ignored entries that are not non-empty strings`);
  return out;
}

// Warnings name the registry and the missing field, never a value: they end up in the output channel.
function parseCredentials(raw: unknown, warn: (message: string) => void): Record<string, Credentials> {
  const out: Record<string, Credentials> = {};
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn('shipshape.registry.credentials: expected an object mapping registry host to {username, password} or {identityToken}');
    return out;
  }
  for (const [host, entry] of Object.entries(raw as Record<string, unknown>)) {
    const e = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    if (typeof e.identityToken === 'string' && e.identityToken !== '') out[host] = { kind: 'identity-token', token: e.identityToken };
    else if (typeof e.username === 'string' && typeof e.password === 'string') out[host] = { kind: 'basic', username: e.username, password: e.password };
    else warn(`shipshape.registry.credentials["${host}"]: expected {username, password} or {identityToken}; entry ignored`);
  }
  return out;
}

export function settingsCredentials(map: Readonly<Record<string, Credentials>>): CredentialProvider {
  const byHost = new Map<string, Credentials>();
  for (const [host, c] of Object.entries(map)) byHost.set(normalizeRegistryKey(host), c);
  return { get: async (registry) => byHost.get(normalizeRegistryKey(registry)) };
}
