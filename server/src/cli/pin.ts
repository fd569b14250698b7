// `shipshape pin`: rewrites every image reference under the given paths to `tag@digest` from the registry, and
// `scan --resolve`: adds digest-drift findings, notes for images that could not be resolved, and signature verdicts. The only CLI
// code that touches the network; plain `scan` never does.
// Exit codes of `pin`: 0 everything resolved (or nothing to pin), 1 some reference could not be resolved, 2 usage.
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compareFindings } from '../core/findings';
import { SHIPPED } from '../targets';
import { applyEdits } from '../core/fix';
import { createOciClient, dockerConfigCredentials, type OciClient } from '../oci';
import { walkLintable } from '../scan/walk';
import { imageSitesOfText, type ImageSite } from '../images/sites';
import type { SignaturePolicy } from '../core/config';
import { SignatureVerifier } from '../signatures';
import { pinFiles } from '../supply/pin';
import { signatureChecks, signatureFinding, verifyChecks, type SignatureCheck } from '../supply/signatures';
import { registryFindings, resolveSites } from '../supply/resolve';
import { UsageError, parseArgs, stringFlag, takeRepeated, type FlagSpec } from './args';
import type { CliIo } from './io';
import type { ScanReport } from './report';
import { InputError } from './scan';

export const PIN_HELP = `Usage: shipshape pin [PATH...] [options]

Resolves every image reference in Dockerfiles (FROM) and Kubernetes manifests (image:) under PATH (default: .)
against its registry and rewrites it in place as tag@digest, keeping the tag for readers
(nginx:1.27 -> nginx:1.27@sha256:...). A multi-arch tag is pinned to its index digest. An existing digest
is replaced when its tag now points elsewhere. References with build ARGs ($VAR), stage names and scratch
are left alone.

Options:
      --dry-run                  print what would change, write nothing
  -f, --format FORMAT            text (default) or json
      --insecure-registry HOST   allow plain HTTP to HOST (host or host:port); repeatable.
                                 Loopback registries (127.0.0.1, localhost, ::1) always may use HTTP.
  -h, --help                     Show this help

Credentials come from the Docker config (\`$DOCKER_CONFIG/config.json\` or ~/.docker/config.json: auths,
credsStore, credHelpers). Secrets are never printed. Requests go through the HTTP(S) proxy named by
HTTPS_PROXY (https registries), HTTP_PROXY (plain-HTTP registries) or ALL_PROXY, unless NO_PROXY lists the
host (names and their subdomains, host:port, IPs, CIDR ranges or *; loopback registries too use the proxy
unless listed). Credentials in the proxy URL (http://user:pass@proxy:3128) go to the proxy only.

Exit codes: 0 every reference resolved (or nothing to pin), 1 some reference could not be resolved,
2 usage or input error.

JSON output (--format json), version 1:
  { "version": 1, "dryRun": bool,
    "changes": [{ "file", "line" (1-based), "old", "new", "kind": "pin" | "update" }],
    "unchanged": N,
    "failures": [{ "file", "line", "reference", "error": { "kind", "message" } }] }
`;

const PIN_FLAGS: Record<string, FlagSpec> = {
  'dry-run': { value: false },
  format: { value: true, alias: 'f', choices: ['text', 'json'] },
  'insecure-registry': { value: true },
  help: { value: false, alias: 'h' },
};

/** Every `--insecure-registry HOST` of argv, and the rest. */
export function takeInsecureRegistries(argv: readonly string[]): { rest: string[]; hosts: string[] } {
  const { rest, values } = takeRepeated(argv, 'insecure-registry');
  return { rest, hosts: values };
}

export function cliOciClient(io: CliIo, insecureRegistries: readonly string[]): OciClient {
  return createOciClient({ credentials: dockerConfigCredentials({ env: io.env }), insecureRegistries, env: io.env });
}

export interface FileSites {
  path: string;
  display: string;
  text: string;
  sites: ImageSite[];
}

/** Every image site in the lintable files under `paths`, files sorted per path. */
export async function collectSites(paths: readonly string[], cwd: string): Promise<FileSites[]> {
  const out: FileSites[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const root = resolve(cwd, p);
    try {
      await fs.stat(root);
    } catch {
      throw new InputError(`no such file or directory: ${p}`);
    }
    const found: string[] = [];
    for await (const file of walkLintable(root)) if (!seen.has(file)) found.push(file);
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const file of found) {
      seen.add(file);
      const text = await fs.readFile(file, 'utf8').catch((err: unknown) => {
        throw new InputError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      });
      const sites = imageSitesOfText(SHIPPED, file, text);
      if (sites.length) out.push({ path: file, display: displayPath(cwd, file), text, sites });
    }
  }
  return out;
}

export async function runPin(argv: readonly string[], io: CliIo): Promise<number> {
  const { rest, hosts } = takeInsecureRegistries(argv);
  const args = parseArgs(rest, PIN_FLAGS);
  if (args.flags.has('help')) {
    io.stdout(PIN_HELP);
    return 0;
  }
  if (args.positionals.includes('-')) throw new UsageError('pin rewrites files in place; stdin (-) is not supported');
  const dryRun = args.flags.has('dry-run');
  const json = stringFlag(args, 'format') === 'json';
  const files = await collectSites(args.positionals.length ? args.positionals : ['.'], io.cwd);
  const pinned = await pinFiles(cliOciClient(io, hosts), files, { fresh: true });

  const changes = pinned.files.flatMap(({ file, outcome }) =>
    outcome.plans.map((p) => ({ file: file.display, line: p.site.range.start.line + 1, old: p.oldText, new: p.newText, kind: p.kind })),
  );
  const failures = pinned.failures.map((f) => ({
    file: f.file.display,
    line: f.site.range.start.line + 1,
    reference: f.site.text,
    error: { kind: f.error.kind, message: f.error.message },
  }));
  const unchanged = pinned.unchanged;
  if (!dryRun) {
    for (const { file, outcome } of pinned.files) {
      if (outcome.plans.length) await fs.writeFile(file.path, applyEdits(file.text, outcome.plans.map((p) => p.edit)), 'utf8');
    }
  }

  if (json) {
    io.stdout(`${JSON.stringify({ version: 1, dryRun, changes, unchanged, failures }, null, 2)}\n`);
  } else {
    for (const c of changes) io.stdout(`${c.file}:${c.line} ${c.old} -> ${c.new}\n`);
    for (const f of failures) io.stderr(`${f.file}:${f.line} cannot resolve ${f.reference}: ${f.error.message}\n`);
    const verb = dryRun ? 'would change' : 'changed';
    io.stdout(`${verb} ${changes.length} reference${changes.length === 1 ? '' : 's'}, ${unchanged} already current, ${failures.length} unresolved${dryRun ? ' (dry run: nothing written)' : ''}\n`);
  }
  return failures.length ? 1 : 0;
}

/**
 * `scan --resolve`: registry findings merged into each file's findings: digest drift, unresolvable images, and
 * the signature verdicts of the images a `signatures` policy names (stdin is not resolved: it has no file).
 */
export async function addRegistryFindings(
  report: ScanReport,
  io: CliIo,
  insecureRegistries: readonly string[],
  policyFor: (path: string) => SignaturePolicy | undefined,
): Promise<ScanReport> {
  const perFile: { index: number; sites: ImageSite[]; checks: SignatureCheck[] }[] = [];
  for (const [index, file] of report.files.entries()) {
    const path = resolve(io.cwd, file.path);
    const text = await fs.readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const sites = imageSitesOfText(SHIPPED, path, text);
    if (sites.length) perFile.push({ index, sites, checks: signatureChecks(sites, policyFor(path)) });
  }
  if (!perFile.length) return report;
  const client = cliOciClient(io, insecureRegistries);
  const answers = await resolveSites(client, perFile.flatMap((f) => f.sites));
  const verdicts = await verifyChecks(new SignatureVerifier(client), perFile.flatMap((f) => f.checks), { fresh: true });
  const files = report.files.map((f) => ({ ...f, findings: [...f.findings] }));
  for (const { index, sites, checks } of perFile) {
    const file = files[index]!;
    file.findings.push(...registryFindings(sites, answers));
    for (const check of checks) {
      const verdict = verdicts.get(check.key);
      const finding = verdict && signatureFinding(check.site, verdict);
      if (finding) file.findings.push(finding);
    }
    file.findings.sort(compareFindings);
  }
  return { ...report, files };
}

export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || isAbsolute(rel) ? file : rel;
  return shown.split(sep).join('/');
}
