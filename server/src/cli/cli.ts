// The `shipshape` command: `scan` lints files and directories, `rules` prints the rule catalogue, `pin` pins
// image references, `verify` checks image signatures.
// main.ts runs it as a process; tests and other hosts call `main` with their own I/O.
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config, input or internal error.
import { SHIPPED } from '../targets';
import type { CliIo } from './io';
import { SEVERITIES } from '../core/types';
import { packageVersion } from '../version';
import { UsageError, parseArgs, stringFlag, type FlagSpec } from './args';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { TextReporter, formatText } from './format/text';
import { SEVERITY_RANK, fails, type FailOn } from './report';
import { RULES_FORMATS, formatRules, type RulesFormat } from './rules';
import { ConfigError, InputError, scan } from './scan';
import { todayIso } from '../scan/facts';
import { addRegistryFindings, runPin, takeInsecureRegistries } from './pin';
import { runVerify } from './verify';
import { workspaceConfig } from '../config/node';
import { resolve } from 'node:path';

export type { CliIo } from './io';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = [...SEVERITIES, 'none'] as const;
const DEFAULT_FAIL_ON: FailOn = 'warning';

const USAGE = `Usage: shipshape <command> [options]

Commands:
  scan [PATH...]   Lint Dockerfiles and Kubernetes manifests (files, directories, or - for stdin)
  rules            List every rule
  pin [PATH...]    Pin image references to digests from their registries (tag@sha256:...)
  verify [PATH...] Verify image signatures (cosign keys, Sigstore bundles) against the signature policy

Options:
  -h, --help       Show help (also: shipshape <command> --help)
  -v, --version    Print the version
`;

const SCAN_HELP = `Usage: shipshape scan [PATH...] [options]

Lints Dockerfiles (Dockerfile, Dockerfile.*, *.dockerfile, Containerfile) and Kubernetes YAML.
A Helm chart (a directory with Chart.yaml) is rendered in place and reported on its template lines.
PATH may be files or directories (default: .); - reads stdin.

Options:
  -f, --format FORMAT      text (default), json or sarif (SARIF 2.1.0)
      --fail-on SEVERITY   exit 1 when a finding is at or above SEVERITY:
                           error, warning (default), info, hint, or none (never fail)
  -c, --config FILE        use FILE (YAML or JSON) for every file instead of the nearest
                           .shipshape.yaml; see docs/configuration.md for the format
      --stdin-filename N   name used to detect and report stdin (e.g. Dockerfile, app.yaml);
                           without it stdin is linted as YAML unless it reads like a Dockerfile
      --color, --no-color  force colours on or off (default: on for a TTY unless NO_COLOR is set)
      --resolve            ask registries: report pinned digests whose tag moved (registry/digest-drift),
                           images that could not be resolved (registry/unresolved-image), and images the
                           \`signatures\` policy names that are not signed by a trusted signer
                           (registry/image-signature); without it scan never touches the network
      --insecure-registry HOST  allow plain HTTP to HOST with --resolve (repeatable; loopback always may)
  -h, --help               Show this help

Configuration: each file uses the nearest .shipshape.yaml (.yml, .json) found upward from its
directory, stopping at the repository root (the directory holding .git); without one, rule defaults.
Its \`ignore\` patterns (.gitignore syntax) are skipped when walking directories, as are .gitignore'd files.
A config file with any problem (bad YAML, unknown rule or key, wrong value) stops the run before
anything is linted: each problem is printed to stderr as FILE:LINE:COL: SEVERITY: MESSAGE and the
exit code is 2, as ESLint does. (The editor instead shows them in the config file and keeps linting.)

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it, 2 usage, config or internal error.

JSON output (--format json), version 1; fields are only ever added within a version:
  {
    "version": 1,
    "tool": { "name": "shipshape", "version": "<semver>" },
    "summary": { "files": N, "findings": N, "error": N, "warning": N, "info": N, "hint": N },
    "findings": [{
      "file": "path/relative/to/cwd",
      "ruleId": "k8s/no-privileged",
      "messageId": "privileged" | null,                   the rule's message key (as in messageEquivalents)
      "severity": "error" | "warning" | "info" | "hint",
      "message": "...",
      "range": { "start": { "line": 0, "character": 0 }, "end": { ... } },   0-based, UTF-16, end exclusive
      "object": { "apiVersion", "kind", "name", "namespace"?, "container"? },  Kubernetes findings only
      "fix": { "title", "edits": [{ "range", "newText" }] } | null,          behaviour-preserving fix
      "suggestions": [{ "title", "edits" }],                                 hardening changes, never automatic
      "related": [{ "path", "range", "message" }]?   Helm: the values line; a fix with "path" edits that file
    }]
  }
`;

const RULES_HELP = `Usage: shipshape rules [options]

Options:
  -f, --format FORMAT   text (default), json or markdown
  -h, --help            Show this help

JSON output: { "version": 1, "rules": [{ "id", "title", "target", "severity", "enabledByDefault",
  "fix": "safe" | "suggestion" | "both" | null, "equivalents": ["hadolint:DL3007", ...], "messageEquivalents": {"<messageId>": ["checkov:CKV2_DOCKER_2"]}, "description", "docsUrl" }] }
`;

const SCAN_FLAGS: Record<string, FlagSpec> = {
  format: { value: true, alias: 'f', choices: SCAN_FORMATS },
  'fail-on': { value: true, choices: FAIL_ON },
  config: { value: true, alias: 'c' },
  'stdin-filename': { value: true },
  color: { value: false },
  'no-color': { value: false },
  resolve: { value: false },
  help: { value: false, alias: 'h' },
};

const RULES_FLAGS: Record<string, FlagSpec> = {
  format: { value: true, alias: 'f', choices: RULES_FORMATS },
  help: { value: false, alias: 'h' },
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '-h' || command === '--help' || command === 'help') return done(io, USAGE);
    if (command === '-v' || command === '--version') return done(io, `${packageVersion()}\n`);
    if (command === 'scan') return await runScan(rest, io);
    if (command === 'rules') return runRules(rest, io);
    if (command === 'pin') return await runPin(rest, io);
    if (command === 'verify') return await runVerify(rest, io);
    throw new UsageError(command === undefined ? 'missing command' : command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`shipshape: ${err.message}\n\n${USAGE}`);
      return EXIT.error;
    }
    if (err instanceof ConfigError || err instanceof InputError) {
      io.stderr(`shipshape: ${err.message}\n`);
      return EXIT.error;
    }
    io.stderr(`shipshape: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.error;
  }
}

async function runScan(rawArgv: readonly string[], io: CliIo): Promise<number> {
  const { rest: argv, hosts: insecureRegistries } = takeInsecureRegistries(rawArgv);
  const args = parseArgs(argv, SCAN_FLAGS);
  if (args.flags.has('help')) return done(io, SCAN_HELP);
  const rules = SHIPPED;
  const configFile = stringFlag(args, 'config');
  const paths = args.positionals.length ? args.positionals : ['.'];
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('stdin (-) can be given only once');
  const stdinFilename = stringFlag(args, 'stdin-filename');
  const inputs = { paths, cwd: io.cwd, rules, today: todayIso(), readStdin: io.readStdin, ...(stdinFilename ? { stdinFilename } : {}), ...(configFile ? { configFile } : {}) };
  const format = stringFlag(args, 'format') ?? 'text';
  const failOn = (stringFlag(args, 'fail-on') ?? DEFAULT_FAIL_ON) as FailOn;
  if (format === 'text' && !args.flags.has('resolve')) {
    // Text is written file by file as the scan goes; the registry check needs every finding first, so it does not stream.
    const reporter = new TextReporter(io.stdout, { color: useColor(args.flags, io) });
    const { crossFile } = await scan({ ...inputs, onFile: (file) => reporter.file(file) });
    for (const file of crossFile) reporter.crossFile(file);
    reporter.end();
    return failOn !== 'none' && reporter.worstRank >= SEVERITY_RANK[failOn] ? EXIT.findings : EXIT.clean;
  }
  const scanned = await scan(inputs);
  const policies = workspaceConfig(rules.metas(), [], {}, {}, configFile ? resolve(io.cwd, configFile) : undefined);
  const report = args.flags.has('resolve') ? await addRegistryFindings(scanned, io, insecureRegistries, (path) => policies.configFor(path).signatures) : scanned;
  const version = packageVersion();
  if (format === 'json') io.stdout(formatJson(report, version));
  else if (format === 'sarif') io.stdout(formatSarif(report, rules.metas(), { toolVersion: version, cwd: io.cwd }));
  else io.stdout(formatText(report, { color: useColor(args.flags, io) }));
  return fails(report, failOn) ? EXIT.findings : EXIT.clean;
}

function runRules(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, RULES_FLAGS);
  if (args.flags.has('help')) return done(io, RULES_HELP);
  if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
  const format = (stringFlag(args, 'format') ?? 'text') as RulesFormat;
  io.stdout(formatRules(SHIPPED.metas(), format));
  return EXIT.clean;
}

function useColor(flags: Map<string, string | true>, io: CliIo): boolean {
  if (flags.has('no-color')) return false;
  if (flags.has('color')) return true;
  // https://no-color.org: any non-empty NO_COLOR disables colour.
  if (io.env.NO_COLOR) return false;
  return io.stdoutIsTTY;
}

function done(io: CliIo, text: string): number {
  io.stdout(text);
  return EXIT.clean;
}
