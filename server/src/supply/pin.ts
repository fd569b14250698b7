// Pinning many files at once, shared by `shipshape pin` and the editor's "Pin all images" commands: each
// distinct reference is resolved once across all files, then every file gets its own plan. The callers only
// differ in what they do with the plans (write files, or send one workspace edit).
import type { OciClient, RegistryError } from '../oci';
import type { ImageSite } from '../images/sites';
import { pinOutcome, resolveSites, type PinOutcome, type ResolveSitesOptions } from './resolve';

export interface PinFilesResult<F> {
  files: { file: F; outcome: PinOutcome }[];
  pinned: number;
  updated: number;
  unchanged: number;
  failures: { file: F; site: ImageSite; error: RegistryError }[];
}

export async function pinFiles<F extends { sites: readonly ImageSite[] }>(
  client: OciClient,
  files: readonly F[],
  options: ResolveSitesOptions = {},
): Promise<PinFilesResult<F>> {
  const answers = await resolveSites(client, files.flatMap((f) => f.sites), options);
  const result: PinFilesResult<F> = { files: [], pinned: 0, updated: 0, unchanged: 0, failures: [] };
  for (const file of files) {
    const outcome = pinOutcome(file.sites, answers);
    result.files.push({ file, outcome });
    result.unchanged += outcome.current.length;
    for (const p of outcome.plans) result[p.kind === 'pin' ? 'pinned' : 'updated']++;
    for (const f of outcome.failures) result.failures.push({ file, site: f.site, error: f.error });
  }
  return result;
}
