// Shipshape's version, read from the package manifest next to the bundles (dist/ sits below the package root).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
