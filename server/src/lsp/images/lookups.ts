// What every image feature of the language server shares: the OCI client built from the current settings, the
// gate every lookup goes through (never in an untrusted workspace, never with `shipshape.registry.enable` off),
// the last settings seen per document (code actions are synchronous) and the image sites of a lint result.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressToken, WorkDoneProgressReporter, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SignaturePolicy } from '../../core/config';
import type { LintResult } from '../../core/engine';
import { SHIPPED } from '../../targets';
import { chainCredentials, createOciClient, dockerConfigCredentials, type FetchLike, type OciClient } from '../../oci';
import { imageSites, type ImageSite } from '../../images/sites';
import { DEFAULT_REGISTRY_SETTINGS, settingsCredentials, type RegistrySettings } from '../../supply/settings';
import type { Settings } from '../settings';
import type { WorkspaceTrust } from '../trust';

const LOOKUP_TIMEOUT_MS = 8_000;

export interface ImageFeatureDeps {
  trust: WorkspaceTrust;
  /** Where the client's digest cache lives (the extension's global storage, else the temp dir). */
  cacheDir: string;
  documentChanges: boolean;
  /** The client resolves CodeAction edits lazily (`codeAction/resolve` with `edit`). */
  resolveSupport: boolean;
  document(uri: string): TextDocument | undefined;
  openDocuments(): TextDocument[];
  result(uri: string): Promise<LintResult | undefined>;
  settings(uri: string): Promise<Settings>;
  workspaceFolders(): string[];
  applyEdit(edit: WorkspaceEdit): Promise<boolean>;
  showMessage(type: 'info' | 'warning', message: string): void;
  revalidate(uri: string): void;
  progress(token: ProgressToken | undefined): Promise<WorkDoneProgressReporter & { token?: { isCancellationRequested: boolean } }>;
  log(message: string): void;
  /** The `signatures` policy that applies to a document (its nearest `.shipshape.yaml`). */
  signaturePolicy(uri: string): SignaturePolicy | undefined;
  /** Tests inject a fetch; production uses Node's. */
  fetch?: FetchLike;
}

export type Gate = { ok: true } | { ok: false; reason: string };

export function cacheDirFrom(init: Record<string, unknown>): string {
  const storage = init.globalStoragePath;
  return typeof storage === 'string' && storage !== '' ? join(storage, 'registry-cache') : join(tmpdir(), 'shipshape-cache');
}

export class ImageLookups {
  private client: { key: string; client: OciClient } | undefined;
  private readonly known = new Map<string, RegistrySettings>();
  private readonly sites = new WeakMap<LintResult, ImageSite[]>();
  private readonly resetListeners: (() => void)[] = [];

  constructor(readonly deps: ImageFeatureDeps) {}

  gate(settings: RegistrySettings): Gate {
    if (!this.deps.trust.trusted) return { ok: false, reason: 'Registry lookups are off in an untrusted workspace.' };
    if (!settings.enable) return { ok: false, reason: 'Registry lookups are off (`shipshape.registry.enable`).' };
    return { ok: true };
  }

  /** Called whenever the client is rebuilt (other registries or credentials): answers cached by features are stale. */
  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  clientFor(settings: RegistrySettings): OciClient {
    // The key holds secrets but never leaves this object; it only tells whether the client must be rebuilt.
    const key = JSON.stringify([settings.insecureRegistries, settings.credentials]);
    if (this.client?.key !== key) {
      for (const listener of this.resetListeners) listener();
      this.client = {
        key,
        client: createOciClient({
          credentials: chainCredentials(settingsCredentials(settings.credentials), dockerConfigCredentials()),
          cacheDir: this.deps.cacheDir,
          insecureRegistries: settings.insecureRegistries,
          timeoutMs: LOOKUP_TIMEOUT_MS,
          ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
        }),
      };
    }
    return this.client.client;
  }

  sitesOf(result: LintResult): ImageSite[] {
    let sites = this.sites.get(result);
    if (!sites) {
      sites = imageSites(result, SHIPPED);
      this.sites.set(result, sites);
    }
    return sites;
  }

  /** The settings a document was last linted or hovered with. */
  remember(uri: string, settings: RegistrySettings): void {
    this.known.set(uri, settings);
  }

  knownSettings(uri: string): RegistrySettings {
    return this.known.get(uri) ?? DEFAULT_REGISTRY_SETTINGS;
  }

  async settingsFor(uri: string): Promise<RegistrySettings> {
    const settings = (await this.deps.settings(uri)).registry;
    this.known.set(uri, settings);
    return settings;
  }

  forget(uri: string): void {
    this.known.delete(uri);
  }
}
