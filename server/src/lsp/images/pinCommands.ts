// "Pin all images in this file / in the workspace": every reference in one workspace edit, with progress and
// cancellation. Open documents are pinned as the editor shows them (unsaved edits, untitled files included).
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ProgressToken, TextEdit } from 'vscode-languageserver';
import { walkLintable } from '../../scan/walk';
import { pinFiles } from '../../supply/pin';
import { imageSitesOfText, type ImageSite } from '../../images/sites';
import { SHIPPED } from '../../targets';
import { toPath } from '../scan';
import type { ImageLookups } from './lookups';

export const PIN_FILE_COMMAND = 'shipshape.pinAllInFile';
export const PIN_WORKSPACE_COMMAND = 'shipshape.pinAllInWorkspace';

export interface PinSummary {
  files: number;
  pinned: number;
  updated: number;
  unchanged: number;
  failed: { reference: string; message: string }[];
  applied: boolean;
}

export class PinCommands {
  constructor(private readonly lookups: ImageLookups) {}

  async run(command: string, arg: unknown): Promise<PinSummary | undefined> {
    if (command === PIN_FILE_COMMAND) {
      const uri = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null ? (arg as { uri?: unknown }).uri : undefined;
      if (typeof uri !== 'string') return undefined;
      return this.pin([uri], undefined, 'file');
    }
    const a = typeof arg === 'object' && arg !== null ? (arg as { folders?: unknown; workDoneToken?: ProgressToken }) : {};
    const folders = Array.isArray(a.folders) ? a.folders.filter((f): f is string => typeof f === 'string') : this.lookups.deps.workspaceFolders();
    return this.pin(folders, a.workDoneToken, 'workspace');
  }

  private async pin(uris: readonly string[], token: ProgressToken | undefined, scope: 'file' | 'workspace'): Promise<PinSummary | undefined> {
    const deps = this.lookups.deps;
    const settings = (await deps.settings(uris[0] ?? '')).registry;
    const gate = this.lookups.gate(settings);
    if (!gate.ok) {
      deps.showMessage('warning', `Shipshape: ${gate.reason}`);
      return undefined;
    }
    const progress = await deps.progress(token);
    progress.begin(scope === 'file' ? 'Shipshape: pinning images' : 'Shipshape: pinning images in the workspace', 0, 'Finding image references…', true);
    const abort = new AbortController();
    try {
      const files = await this.collect(uris, () => progress.token?.isCancellationRequested === true);
      const result = await pinFiles(this.lookups.clientFor(settings), files, {
        fresh: true,
        signal: abort.signal,
        onResolved: (done, total) => {
          if (progress.token?.isCancellationRequested) abort.abort();
          progress.report(Math.round((done / total) * 100), `${done}/${total} images resolved`);
        },
      });
      const changes: Record<string, TextEdit[]> = {};
      for (const { file, outcome } of result.files) if (outcome.plans.length) changes[file.uri] = outcome.plans.map((p) => p.edit);
      const failed: PinSummary['failed'] = [];
      for (const f of result.failures) if (!failed.some((x) => x.reference === f.site.text)) failed.push({ reference: f.site.text, message: f.error.message });
      const summary: PinSummary = { files: Object.keys(changes).length, pinned: result.pinned, updated: result.updated, unchanged: result.unchanged, failed, applied: false };
      if (summary.files) summary.applied = await deps.applyEdit({ changes });
      deps.showMessage(failed.length ? 'warning' : 'info', summaryText(summary));
      return summary;
    } finally {
      progress.done();
    }
  }

  private async collect(uris: readonly string[], cancelled: () => boolean): Promise<{ uri: string; sites: ImageSite[] }[]> {
    const deps = this.lookups.deps;
    const open = new Map(deps.openDocuments().map((d) => [toPath(d.uri) ?? d.uri, d]));
    const out: { uri: string; sites: ImageSite[] }[] = [];
    for (const uri of uris) {
      const openDoc = deps.document(uri);
      if (openDoc) {
        const sites = imageSitesOfText(SHIPPED, openDoc.uri, openDoc.getText(), openDoc.languageId);
        if (sites.length) out.push({ uri: openDoc.uri, sites });
        continue;
      }
      const root = toPath(uri);
      if (!root) continue;
      try {
        for await (const path of walkLintable(root)) {
          if (cancelled()) return out;
          const doc = open.get(path);
          const text = doc ? doc.getText() : await fs.readFile(path, 'utf8').catch(() => undefined);
          if (text === undefined) continue;
          const sites = imageSitesOfText(SHIPPED, path, text, doc?.languageId);
          if (sites.length) out.push({ uri: doc?.uri ?? pathToFileURL(path).href, sites });
        }
      } catch (err) {
        deps.log(`Shipshape could not list files under ${uri}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return out;
  }
}

function summaryText(s: PinSummary): string {
  const parts = [`pinned ${s.pinned}`, `updated ${s.updated}`, `${s.unchanged} already current`];
  const head = `Shipshape: ${parts.join(', ')} image reference${s.pinned + s.updated === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}.`;
  if (!s.failed.length) return head;
  const first = s.failed[0]!;
  return `${head} ${s.failed.length} could not be resolved (${first.reference}: ${first.message}${s.failed.length > 1 ? ', …' : ''}).`;
}
