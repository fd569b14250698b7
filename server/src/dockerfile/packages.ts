// Package-manager invocations found in RUN: which packages a command installs and whether each is version-pinned.
import { parseOptions, type ShCommand, type ShWord } from './shell';

export type OsManager = 'apt' | 'apk' | 'yum' | 'dnf' | 'zypper';
export type LangManager = 'pip' | 'npm' | 'gem' | 'go';

export interface Install<M extends string> {
  manager: M;
  cmd: ShCommand;
  /** The `install`/`add` word. */
  verb: ShWord;
  packages: ShWord[];
  unpinned: ShWord[];
  options: ReturnType<typeof parseOptions>;
}

const APT_VALUE = new Set(['t', 'target-release', 'default-release', 'o', 'option', 'c', 'config-file', 'q']);
const APK_VALUE = new Set(['t', 'virtual', 'X', 'repository', 'repositories-file', 'p', 'root', 'arch', 'cache-dir', 'keys-dir']);
const YUM_VALUE = new Set(['c', 'config', 'x', 'exclude', 'releasever', 'installroot', 'setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'd', 'debuglevel', 'e', 'errorlevel', 'forcearch', 'downloaddir', 'destdir', 'module_platform_id']);
const ZYPPER_VALUE = new Set(['r', 'repo', 't', 'type', 'from', 'download']);
const PIP_VALUE = new Set(['r', 'requirement', 'c', 'constraint', 'e', 'editable', 'i', 'index-url', 'extra-index-url', 'f', 'find-links', 't', 'target', 'prefix', 'root', 'trusted-host', 'platform', 'python-version', 'implementation', 'abi', 'no-binary', 'only-binary', 'progress-bar', 'src', 'upgrade-strategy', 'cache-dir', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'global-option', 'install-option', 'config-settings', 'C', 'report', 'python']);
const NPM_VALUE = new Set(['prefix', 'registry', 'cache', 'tag', 'w', 'workspace', 'userconfig', 'loglevel', 'omit', 'include', 'install-strategy']);
const GEM_VALUE = new Set(['v', 'version', 'i', 'install-dir', 'n', 'bindir', 'source', 's', 'platform', 'P', 'trust-policy', 'g', 'file']);

function isLocalOrDynamic(w: ShWord): boolean {
  const v = w.value;
  return w.dynamic || v.includes('$') || v.includes('/') || v.startsWith('.') || v.includes('*') || v === '' || /^[a-z+]+:/.test(v);
}

/** `apt-get install`, `apk add`, `yum/dnf/microdnf/tdnf install`, `zypper install|in`. */
export function osInstall(cmd: ShCommand): Install<OsManager> | undefined {
  const name = cmd.name;
  let manager: OsManager;
  let withValue: ReadonlySet<string>;
  let verbs: RegExp;
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') [manager, withValue, verbs] = ['apt', APT_VALUE, /^install$/];
  else if (name === 'apk') [manager, withValue, verbs] = ['apk', APK_VALUE, /^add$/];
  else if (name === 'yum') [manager, withValue, verbs] = ['yum', YUM_VALUE, /^install$/];
  else if (name === 'dnf' || name === 'microdnf' || name === 'tdnf' || name === 'dnf5') [manager, withValue, verbs] = ['dnf', YUM_VALUE, /^install$/];
  else if (name === 'zypper') [manager, withValue, verbs] = ['zypper', ZYPPER_VALUE, /^(install|in)$/];
  else return undefined;
  const options = parseOptions(cmd.argv.slice(1), withValue);
  const [verb, ...packages] = options.operands;
  if (!verb || !verbs.test(verb.value)) return undefined;
  let unpinned: ShWord[] = [];
  if (manager === 'apt') {
    // A target release pins where packages come from (hadolint#177).
    if (!options.flags.has('t') && !options.flags.has('target-release') && !options.flags.has('default-release')) {
      unpinned = packages.filter((w) => !isLocalOrDynamic(w) && !w.value.endsWith('.deb') && !w.value.includes('='));
    }
  } else if (manager === 'apk') {
    unpinned = packages.filter((w) => !isLocalOrDynamic(w) && !w.value.endsWith('.apk') && !/[=~<>]/.test(w.value));
  } else if (manager === 'yum' || manager === 'dnf') {
    unpinned = packages.filter((w) => !isLocalOrDynamic(w) && !w.value.endsWith('.rpm') && !w.value.startsWith('@') && !/-\d|[=<>]/.test(w.value));
  } else {
    unpinned = packages.filter((w) => !isLocalOrDynamic(w) && !w.value.endsWith('.rpm') && !/[=<>]|-\d/.test(w.value));
  }
  return { manager, cmd, verb, packages, unpinned, options };
}

export function langInstall(cmd: ShCommand): Install<LangManager> | undefined {
  const name = cmd.name;
  let argv = cmd.argv.slice(1);
  if (/^python[0-9.]*$/.test(name) && argv[0]?.value === '-m' && /^pip[0-9.]*$/.test(argv[1]?.value ?? '')) argv = argv.slice(2);
  else if (name === 'uv' && argv[0]?.value === 'pip') argv = argv.slice(1);
  else if (!/^pip[0-9.]*$/.test(name) && name !== 'npm' && name !== 'gem' && name !== 'go') return undefined;
  const manager: LangManager = name === 'npm' ? 'npm' : name === 'gem' ? 'gem' : name === 'go' ? 'go' : 'pip';
  const withValue = manager === 'pip' ? PIP_VALUE : manager === 'npm' ? NPM_VALUE : manager === 'gem' ? GEM_VALUE : new Set<string>(['o', 'modfile', 'p', 'tags', 'ldflags', 'gcflags', 'C']);
  const options = parseOptions(argv, withValue);
  const [verb, ...packages] = options.operands;
  if (!verb) return undefined;
  let unpinned: ShWord[];
  if (manager === 'pip') {
    if (verb.value !== 'install') return undefined;
    unpinned = packages.filter((w) => !isLocalOrDynamic(w) && !/(==|>=|<=|~=|!=|<|>|@)/.test(w.value) && !/\.(whl|tar\.gz|zip|tgz)$/.test(w.value));
  } else if (manager === 'npm') {
    if (!/^(install|i|add|isntall|in)$/.test(verb.value)) return undefined;
    unpinned = packages.filter((w) => {
      if (isLocalOrDynamic(w) && !w.value.startsWith('@')) return false;
      if (/\.(tgz|tar\.gz)$/.test(w.value) || /^(github|gitlab|bitbucket|git|file|http|https):/.test(w.value)) return false;
      const at = w.value.lastIndexOf('@');
      if (at <= 0) return true;
      const version = w.value.slice(at + 1);
      return version === '' || version === 'latest' || version === 'next' || version === '*';
    });
  } else if (manager === 'gem') {
    if (verb.value !== 'install' && verb.value !== 'i') return undefined;
    if (options.flags.has('v') || options.flags.has('version')) return { manager, cmd, verb, packages, unpinned: [], options };
    unpinned = packages.filter((w) => !isLocalOrDynamic(w) && !w.value.includes(':') && !w.value.endsWith('.gem'));
  } else {
    if (verb.value !== 'install') return undefined;
    unpinned = packages.filter((w) => {
      if (w.dynamic || w.value.startsWith('.') || w.value.startsWith('/')) return false;
      const at = w.value.lastIndexOf('@');
      if (at < 0) return /^[a-z0-9-]+\.[a-z]{2,}\//i.test(w.value) === false ? false : true;
      const version = w.value.slice(at + 1);
      return version === 'latest' || version === '' || version === 'master' || version === 'main' || version === 'HEAD';
    });
  }
  return { manager, cmd, verb, packages, unpinned, options };
}
