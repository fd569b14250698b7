// A small argv parser: `--flag value`, `--flag=value`, short aliases, `--` ends options; unknown flags are errors.
export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (`--format json`) rather than being a switch (`--no-color`). */
  value: boolean;
  alias?: string;
  /** Allowed values, checked here so every command reports them the same way. */
  choices?: readonly string[];
}

export interface Parsed {
  flags: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): Parsed {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  const byAlias = new Map(Object.entries(spec).flatMap(([name, s]) => (s.alias ? [[s.alias, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // A lone `-` is stdin, a positional.
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = eq > 0 ? arg.slice(0, eq) : arg;
    const name = raw.startsWith('--') ? raw.slice(2) : byAlias.get(raw.slice(1));
    const flag = name !== undefined ? spec[name] : undefined;
    if (name === undefined || !flag) throw new UsageError(`unknown option '${raw}'`);
    if (!flag.value) {
      if (eq > 0) throw new UsageError(`option '--${name}' takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option '--${name}' needs a value`);
    if (flag.choices && !flag.choices.includes(value)) {
      throw new UsageError(`option '--${name}' must be one of ${flag.choices.join(', ')} (got '${value}')`);
    }
    flags.set(name, value);
  }
  return { flags, positionals };
}

export function stringFlag(parsed: Parsed, name: string): string | undefined {
  const v = parsed.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Pulls every `--NAME VALUE` / `--NAME=VALUE` of a repeatable option out of argv (parseArgs keeps only the last). */
export function takeRepeated(argv: readonly string[], name: string): { rest: string[]; values: string[] } {
  const rest: string[] = [];
  const values: string[] = [];
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === flag) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option '${flag}' needs a value`);
      values.push(v);
    } else if (arg.startsWith(`${flag}=`)) values.push(arg.slice(flag.length + 1));
    else rest.push(arg);
  }
  return { rest, values };
}
