// Package-manager invocations found in RUN: which packages a command installs and whether each is version-pinned.
import { toolOptions, type Tool } from './options';
import type { ParsedOptions, ShCommand, ShWord } from './shell';

export type OsManager = 'apt' | 'apk' | 'yum' | 'dnf' | 'zypper';
export type LangManager = 'pip' | 'pipx' | 'npm' | 'gem' | 'go';

export interface Install<M extends string> {
  manager: M;
  cmd: ShCommand;
  /** The `install`/`add`/`get`/`run` word. */
  verb: ShWord;
  packages: ShWord[];
  unpinned: ShWord[];
  options: ParsedOptions;
}

/**
 * The value a word stands for: its text, or for a word with variables, the text with the variables set by ARG/ENV in
 * scope substituted (`curl-${VERSION}` → `curl-8.5.0`). Undefined when a variable is unknown or the value would split
 * into several words: not enough to judge.
 */
export type Expander = (text: string) => string | undefined;

function valueOf(w: ShWord, expand: Expander | undefined): string | undefined {
  if (!w.dynamic && !w.value.includes('$')) return w.value;
  if (!expand || w.substitutions.length) return undefined;
  const v = expand(w.value);
  return v === undefined || v === '' || /\s|\$/.test(v) ? undefined : v;
}

/** Judges every package word; `pinned` sees the (expanded) value of a word that names a registry package. */
function unpinnedOf(packages: ShWord[], expand: Expander | undefined, skip: (v: string) => boolean, pinned: (v: string) => boolean): ShWord[] {
  return packages.filter((w) => {
    const v = valueOf(w, expand);
    return v !== undefined && v !== '' && !v.includes('*') && !skip(v) && !pinned(v);
  });
}

const OS_MANAGERS: Record<string, { manager: OsManager; tool: Tool; verbs: RegExp }> = {
  'apt-get': { manager: 'apt', tool: 'apt', verbs: /^install$/ },
  apt: { manager: 'apt', tool: 'apt', verbs: /^install$/ },
  aptitude: { manager: 'apt', tool: 'apt', verbs: /^install$/ },
  apk: { manager: 'apk', tool: 'apk', verbs: /^add$/ },
  yum: { manager: 'yum', tool: 'yum', verbs: /^install$/ },
  dnf: { manager: 'dnf', tool: 'yum', verbs: /^install$/ },
  dnf5: { manager: 'dnf', tool: 'yum', verbs: /^install$/ },
  microdnf: { manager: 'dnf', tool: 'yum', verbs: /^install$/ },
  tdnf: { manager: 'dnf', tool: 'yum', verbs: /^install$/ },
  zypper: { manager: 'zypper', tool: 'zypper', verbs: /^(install|in)$/ },
};

const DRY_RUN = ['s', 'simulate', 'dry-run', 'just-print', 'no-act', 'recon', 'assumeno', 'downloadonly', 'download-only'];
const LOCAL_PATH = /^(\.|\/|~\/)/;

/** `apt-get install`, `apk add`, `yum/dnf/microdnf/tdnf install` and `module install`, `zypper install|in`. */
export function osInstall(cmd: ShCommand, expand?: Expander): Install<OsManager> | undefined {
  const spec = OS_MANAGERS[cmd.name];
  if (!spec) return undefined;
  const { manager } = spec;
  const options = toolOptions(spec.tool, cmd.argv.slice(1));
  let [verb, ...packages] = options.operands;
  // `dnf module install nodejs:20/common` installs the module's packages; the stream after `:` is the version.
  const module = (manager === 'dnf' || manager === 'yum') && verb?.value === 'module';
  if (module) [verb, ...packages] = packages;
  if (!verb || !spec.verbs.test(verb.value)) return undefined;
  // A dry run installs nothing (`apt-get install -s pkg` only asks whether the package exists).
  if (DRY_RUN.some((f) => options.flags.has(f))) return undefined;
  const local = (v: string): boolean => LOCAL_PATH.test(v) || v.includes('/') || /^[a-z+]+:/.test(v);
  let unpinned: ShWord[] = [];
  if (module) {
    unpinned = unpinnedOf(packages, expand, local, (v) => v.includes(':'));
  } else if (manager === 'apt') {
    // A target release pins where packages come from (hadolint#177).
    if (!options.flags.has('t') && !options.flags.has('target-release') && !options.flags.has('default-release')) {
      unpinned = unpinnedOf(packages, expand, (v) => local(v) || v.endsWith('.deb'), (v) => v.includes('='));
    }
  } else if (manager === 'apk') {
    unpinned = unpinnedOf(packages, expand, (v) => local(v) || v.endsWith('.apk'), (v) => /[=~<>]/.test(v));
  } else if (manager === 'yum' || manager === 'dnf') {
    unpinned = unpinnedOf(packages, expand, (v) => local(v) || v.endsWith('.rpm') || v.startsWith('@'), (v) => /-\d|[=<>]/.test(v));
  } else {
    unpinned = unpinnedOf(packages, expand, (v) => local(v) || v.endsWith('.rpm'), (v) => /[=<>]|-\d/.test(v));
  }
  return { manager, cmd, verb, packages, unpinned, options };
}

/** The command and its arguments for a language package manager, looking through `python -m pip`, `uv pip`, `xx-go`. */
export function languageCommand(cmd: ShCommand): { manager: LangManager; args: ShWord[] } | undefined {
  const name = cmd.name;
  const argv = cmd.argv.slice(1);
  if (/^pip[0-9.]*$/.test(name)) return { manager: 'pip', args: argv };
  if (/^python[0-9.]*$/.test(name) && argv[0]?.value === '-m' && /^pip[0-9.]*$/.test(argv[1]?.value ?? '')) return { manager: 'pip', args: argv.slice(2) };
  if (name === 'uv' && argv[0]?.value === 'pip') return { manager: 'pip', args: argv.slice(1) };
  if (name === 'pipx') return { manager: 'pipx', args: argv };
  if (name === 'npm' || name === 'gem') return { manager: name, args: argv };
  // tonistiigi/xx's `xx-go` runs `go` with the target platform's environment; `xx-go --wrap` only installs the wrapper.
  if (name === 'go' || (name === 'xx-go' && argv[0]?.value !== '--wrap')) return { manager: 'go', args: argv };
  return undefined;
}

const PIP_VCS = /^(git|hg|svn|bzr)\+[a-z-]+:\/\/|^git:\/\//i;
/** A VCS URL names a ref with `@` in its path (`git+https://host/org/repo.git@v1.2`); the userinfo `git@` does not count. */
function vcsPinnedAt(url: string): boolean {
  const rest = url.replace(/^[a-z+-]+:\/\//i, '');
  const path = rest.slice(rest.indexOf('/') + 1 || rest.length);
  return path.replace(/#.*$/, '').includes('@');
}

function pipPinned(v: string): boolean {
  // `name @ url` written as one (quoted) word: judge the URL.
  const direct = /^\s*[A-Za-z0-9._-]+(\[[^\]]*\])?\s*@\s*(\S+)/.exec(v);
  const spec = direct ? direct[2]! : v;
  if (PIP_VCS.test(spec)) return vcsPinnedAt(spec);
  if (direct || /^[a-z]+:\/\//i.test(spec)) return true; // an archive URL: not a registry package
  return /(===|==|>=|<=|~=|!=|<|>)/.test(spec);
}

function pipLocal(v: string): boolean {
  if (PIP_VCS.test(v) || /@/.test(v)) return false;
  return LOCAL_PATH.test(v) || v.includes('/') || /\.(whl|tar\.gz|tar\.bz2|zip|tgz)$/i.test(v);
}

const NPM_GIT = /^(git(\+(ssh|https?|file))?:\/\/|(github|gitlab|bitbucket|gist):)/;
function npmSkip(v: string): boolean {
  if (NPM_GIT.test(v)) return false;
  return LOCAL_PATH.test(v) || v.startsWith('file:') || /\.(tgz|tar\.gz|tar)$/.test(v) || /^https?:\/\//.test(v);
}

function npmPinned(v: string): boolean {
  // git URLs and `user/repo` GitHub shorthands pin with `#<commit-ish>`.
  if (NPM_GIT.test(v) || /^[^@./][^@/]*\/[^/]+$/.test(v)) return v.includes('#') && !/#$/.test(v);
  const at = v.lastIndexOf('@');
  if (at <= 0) return false;
  const version = v.slice(at + 1);
  return !(version === '' || version === 'latest' || version === 'next' || version === '*');
}

function goPinned(v: string, verb: string): boolean {
  const at = v.lastIndexOf('@');
  // Without `@version`, `go install`/`go run` of a package path build what the main module's go.mod pins, but
  // outside a module they fail; hadolint DL3062 asks for `@version` on `go install`. `go get pkg` means `@upgrade`.
  if (at < 0) return verb === 'run' || !/^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(v);
  const version = v.slice(at + 1);
  return !(version === 'latest' || version === '' || version === 'master' || version === 'main' || version === 'HEAD' || version === 'upgrade' || version === 'patch');
}

export function langInstall(cmd: ShCommand, expand?: Expander): Install<LangManager> | undefined {
  const found = languageCommand(cmd);
  if (!found) return undefined;
  const { manager } = found;
  const options = toolOptions(manager === 'pipx' ? 'pipx' : manager, found.args);
  const [verb, ...packages] = options.operands;
  if (!verb) return undefined;
  let unpinned: ShWord[];
  if (manager === 'pip') {
    if (verb.value !== 'install') return undefined;
    // A constraints file pins every package it names (hadolint DL3013 agrees).
    if (options.flags.has('c') || options.flags.has('constraint')) return { manager, cmd, verb, packages, unpinned: [], options };
    unpinned = unpinnedOf(packages, expand, pipLocal, pipPinned);
  } else if (manager === 'pipx') {
    if (verb.value !== 'install') return undefined;
    if (options.flags.has('spec')) return { manager, cmd, verb, packages, unpinned: [], options };
    unpinned = unpinnedOf(packages, expand, pipLocal, (v) => pipPinned(v) || (/@/.test(v) && !/@(latest)?$/.test(v) && !PIP_VCS.test(v)));
  } else if (manager === 'npm') {
    if (!/^(install|i|add|isntall|in)$/.test(verb.value)) return undefined;
    unpinned = unpinnedOf(packages, expand, npmSkip, npmPinned);
  } else if (manager === 'gem') {
    if (verb.value !== 'install' && verb.value !== 'i') return undefined;
    if (options.flags.has('v') || options.flags.has('version')) return { manager, cmd, verb, packages, unpinned: [], options };
    unpinned = unpinnedOf(packages, expand, (v) => LOCAL_PATH.test(v) || v.includes('/') || v.endsWith('.gem'), (v) => v.includes(':'));
  } else {
    if (verb.value !== 'install' && verb.value !== 'get' && verb.value !== 'run') return undefined;
    // `go run` runs its first package; the words after it are the program's arguments.
    const targets = verb.value === 'run' ? packages.slice(0, 1) : packages;
    unpinned = unpinnedOf(targets, expand, (v) => LOCAL_PATH.test(v) || v.endsWith('.go') || v === 'all' || v.startsWith('-'), (v) => goPinned(v, verb.value));
  }
  return { manager, cmd, verb, packages, unpinned, options };
}
