// `shipshape verify`: checks the signatures of every image the signature policy (or `--key`) covers, against
// the registries, and prints one verdict per image. Exit codes: 0 every checked image verified, 1 otherwise,
// 2 usage or input error.
import { resolve } from 'node:path';
import { SHIPPED } from '../targets';
import { workspaceConfig } from '../config/node';
import { loadPublicKey, SignatureVerifier, type ImageVerdict } from '../signatures';
import { signatureChecks, verifyChecks, type SignatureCheck } from '../supply/signatures';
import { UsageError, parseArgs, stringFlag, takeRepeated, type FlagSpec } from './args';
import type { CliIo } from './io';
import { cliOciClient, collectSites, takeInsecureRegistries, type FileSites } from './pin';
import { ConfigError } from './scan';

export const VERIFY_HELP = `Usage: shipshape verify [PATH...] [options]

Verifies the signatures of the images that Dockerfiles (FROM), Kubernetes manifests (image:) and Compose
files (image:) under PATH (default: .) name, against their registries: cosign key signatures
(sha256-<digest>.sig) and Sigstore bundles (OCI referrers). Which images must be signed, and by whom, comes
from the \`signatures\` policy of the nearest .shipshape.yaml (see docs/configuration.md); images it does not
name are not checked. The digest checked is the one that would be pulled: the written digest, else what the
tag points to (the index digest for a multi-arch image).

Options:
      --key FILE                 trust this PEM public key (cosign.pub) too; repeatable. Without a policy,
                                 every image found is checked against the --key keys.
  -f, --format FORMAT            text (default) or json
      --insecure-registry HOST   allow plain HTTP to HOST (host or host:port); repeatable.
                                 Loopback registries (127.0.0.1, localhost, ::1) always may use HTTP.
  -h, --help                     Show this help

Verdicts: verified (a valid signature from a trusted key or identity), unsigned (no signature),
untrusted (signed, but not by a trusted key or identity), invalid (bad signature, or a signature for
another digest), unchecked (the registry could not be asked: offline, denied, a Notation signature).

Text output: one line per image: DIGEST VERDICT SIGNER IMAGE, and the reason when not verified.
Exit codes: 0 every checked image verified (or none to check), 1 otherwise, 2 usage or input error.

JSON output (--format json), version 1:
  { "version": 1,
    "images": [{ "image", "digest" | null, "verdict", "signer" | null, "reason",
                 "sites": [{ "file", "range": { "start": { "line", "character" }, "end": {...} } }] }] }
  (ranges 0-based, UTF-16, end exclusive, as in \`scan --format json\`)
`;

const VERIFY_FLAGS: Record<string, FlagSpec> = {
  format: { value: true, alias: 'f', choices: ['text', 'json'] },
  help: { value: false, alias: 'h' },
};

export interface VerifiedImage {
  image: string;
  digest: string | null;
  verdict: ImageVerdict['verdict'];
  signer: string | null;
  reason: string;
  sites: { file: string; range: SignatureCheck['site']['range'] }[];
}


export async function runVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const { rest: afterHosts, hosts } = takeInsecureRegistries(argv);
  const { rest, values: keys } = takeRepeated(afterHosts, 'key');
  const args = parseArgs(rest, VERIFY_FLAGS);
  if (args.flags.has('help')) {
    io.stdout(VERIFY_HELP);
    return 0;
  }
  if (args.positionals.includes('-')) throw new UsageError('verify reads files; stdin (-) is not supported');
  const keyPaths = keys.map((k) => resolve(io.cwd, k));
  for (const [i, path] of keyPaths.entries()) {
    const loaded = await loadPublicKey(path);
    if (!loaded.ok) throw new UsageError(`--key ${keys[i]}: ${loaded.message}`);
  }
  const files = await collectSites(args.positionals.length ? args.positionals : ['.'], io.cwd);
  const config = workspaceConfig(SHIPPED.metas(), [], {}, {});
  const checks: { file: FileSites; check: SignatureCheck }[] = [];
  for (const file of files) {
    const found = config.resolver.forFile(file.path);
    if (found?.diagnostics.length) {
      const d = found.diagnostics[0]!;
      throw new ConfigError(`invalid configuration in ${found.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
    }
    for (const check of signatureChecks(file.sites, config.configFor(file.path).signatures, keyPaths)) checks.push({ file, check });
  }
  const verdicts = await verifyChecks(new SignatureVerifier(cliOciClient(io, hosts)), checks.map((c) => c.check), { fresh: true });
  const images: VerifiedImage[] = [];
  const byKey = new Map<string, VerifiedImage>();
  for (const { file, check } of checks) {
    let entry = byKey.get(check.key);
    if (!entry) {
      const v = verdicts.get(check.key)!;
      entry = { image: check.site.text, digest: v.digest ?? null, verdict: v.verdict, signer: v.signer ?? null, reason: v.reason, sites: [] };
      byKey.set(check.key, entry);
      images.push(entry);
    }
    entry.sites.push({ file: file.display, range: check.site.range });
  }
  if (stringFlag(args, 'format') === 'json') io.stdout(`${JSON.stringify({ version: 1, images }, null, 2)}\n`);
  else {
    for (const i of images) io.stdout(`${i.digest ?? '-'}  ${i.verdict}  ${i.signer ?? '-'}  ${i.image}${i.verdict === 'verified' ? '' : `  (${i.reason})`}\n`);
    if (!images.length) io.stderr('shipshape verify: no image to check: no `signatures` policy in .shipshape.yaml names an image found, and no --key was given\n');
  }
  return images.every((i) => i.verdict === 'verified') ? 0 : 1;
}
