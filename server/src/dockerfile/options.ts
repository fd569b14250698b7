// One option table per tool: which options take a value. Every rule reads a tool's options through `toolOptions`, so
// `curl -sHk` (header value `k`) and `pip install -c constraints.txt` are read the same way everywhere.
import { parseOptions, type ParsedOptions, type ShWord } from './shell';

export type Tool = 'curl' | 'wget' | 'aria2c' | 'pip' | 'pipx' | 'apt' | 'apk' | 'yum' | 'zypper' | 'npm' | 'gem' | 'go' | 'mkdir' | 'install';

const TABLES: Record<Tool, ReadonlySet<string>> = {
  curl: new Set([
    'o', 'output', 'd', 'data', 'H', 'header', 'u', 'user', 'A', 'user-agent', 'e', 'referer', 'X', 'request', 'x', 'proxy', 'm', 'max-time', 'retry',
    'retry-delay', 'retry-max-time', 'connect-timeout', 'w', 'write-out', 'C', 'continue-at', 'T', 'upload-file', 'cacert', 'capath', 'cert', 'key', 'E', 'b',
    'cookie', 'c', 'cookie-jar', 'F', 'form', 'r', 'range', 'z', 'time-cond', 'K', 'config', 'output-dir', 'proto', 'proto-redir', 'resolve', 'interface',
    'local-port', 'limit-rate', 'Y', 'y', 'speed-limit', 'speed-time', 'max-filesize', 'pinnedpubkey', 'tls-max', 'ciphers', 'netrc-file', 'data-binary',
    'data-raw', 'data-urlencode', 'json', 'oauth2-bearer', 'variable', 'expand-url', 'url', 'Q', 'quote', 'U', 'proxy-user', 'P', 'ftp-port', 't', 'telnet-option',
    'D', 'dump-header', 'trace', 'trace-ascii', 'stderr', 'cert-type', 'key-type', 'pass', 'hostpubsha256', 'hostpubmd5', 'max-redirs', 'retry-max-time',
  ]),
  wget: new Set([
    'O', 'output-document', 'o', 'output-file', 'a', 'append-output', 'P', 'directory-prefix', 'U', 'user-agent', 't', 'tries', 'T', 'timeout', 'header', 'user',
    'password', 'http-user', 'http-password', 'e', 'execute', 'ca-certificate', 'ca-directory', 'certificate', 'private-key', 'i', 'input-file', 'B', 'base', 'w',
    'wait', 'Q', 'quota', 'post-data', 'post-file', 'method', 'body-data', 'limit-rate', 'progress', 'load-cookies', 'save-cookies', 'dns-timeout',
    'connect-timeout', 'read-timeout', 'waitretry', 'referer', 'l', 'level', 'A', 'accept', 'R', 'reject', 'D', 'domains', 'X', 'exclude-directories',
  ]),
  aria2c: new Set(['o', 'out', 'd', 'dir', 'x', 'max-connection-per-server', 's', 'split', 'k', 'min-split-size', 'j', 'max-concurrent-downloads', 'i', 'input-file', 'l', 'log', 'checksum', 'header', 'user-agent', 'U', 'ca-certificate', 'timeout', 'connect-timeout', 'max-tries', 'm', 'retry-wait']),
  pip: new Set([
    'r', 'requirement', 'c', 'constraint', 'e', 'editable', 'i', 'index-url', 'extra-index-url', 'f', 'find-links', 't', 'target', 'prefix', 'root', 'trusted-host',
    'platform', 'python-version', 'implementation', 'abi', 'no-binary', 'only-binary', 'progress-bar', 'src', 'upgrade-strategy', 'cache-dir', 'log', 'proxy',
    'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'global-option', 'install-option', 'config-settings', 'C', 'report', 'python',
    'root-user-action', 'use-feature', 'use-deprecated', 'keyring-provider', 'b', 'build', 'log-file', 'local-log', 'group', 'target-platform',
    // uv pip
    'index', 'default-index', 'index-strategy', 'link-mode', 'resolution', 'prerelease', 'p', 'compile-bytecode', 'override', 'exclude-newer',
  ]),
  pipx: new Set(['python', 'index-url', 'i', 'pip-args', 'suffix', 'editable', 'e', 'preinstall', 'spec', 'global', 'backend']),
  apt: new Set(['t', 'target-release', 'default-release', 'o', 'option', 'c', 'config-file', 'q']),
  apk: new Set(['t', 'virtual', 'X', 'repository', 'repositories-file', 'p', 'root', 'arch', 'cache-dir', 'keys-dir', 'cache-max-age', 'timeout']),
  yum: new Set([
    'c', 'config', 'x', 'exclude', 'releasever', 'installroot', 'setopt', 'enablerepo', 'disablerepo', 'repo', 'repoid', 'd', 'debuglevel', 'e', 'errorlevel',
    'forcearch', 'downloaddir', 'destdir', 'module_platform_id', 'nodocs-dir', 'enableplugin', 'disableplugin', 'rpmverbosity', 'color', 'repofrompath',
  ]),
  zypper: new Set(['r', 'repo', 't', 'type', 'from', 'download', 'root', 'R']),
  npm: new Set(['prefix', 'registry', 'cache', 'tag', 'w', 'workspace', 'userconfig', 'loglevel', 'omit', 'include', 'install-strategy', 'C', 'location']),
  gem: new Set(['v', 'version', 'i', 'install-dir', 'n', 'bindir', 'source', 's', 'platform', 'P', 'trust-policy', 'g', 'file', 'build-root', 'document']),
  go: new Set(['o', 'modfile', 'p', 'tags', 'ldflags', 'gcflags', 'asmflags', 'C', 'mod', 'pkgdir', 'toolexec', 'overlay', 'pgo', 'buildmode', 'compiler', 'installsuffix', 'exec']),
  mkdir: new Set(['m', 'mode', 'context']),
  install: new Set(['m', 'mode', 'o', 'owner', 'g', 'group', 't', 'target-directory', 'S', 'suffix', 'context']),
};

/** The options of a command's arguments (after its name) as `tool` reads them. */
export function toolOptions(tool: Tool, args: readonly ShWord[]): ParsedOptions {
  return parseOptions(args, TABLES[tool], { singleDashLong: tool === 'go' });
}

/** Whether `name` takes a value for `tool` (for callers that walk the words themselves). */
export function takesValue(tool: Tool, name: string): boolean {
  return TABLES[tool].has(name);
}
