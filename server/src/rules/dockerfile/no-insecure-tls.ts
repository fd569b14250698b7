// TLS certificate checks switched off for downloads, package managers, git or runtimes.
import type { TextEdit } from 'vscode-languageserver-types';
import { dockerfileRule } from '../../dockerfile/rule';
import { deleteWordEdit, runCommands, settings, wordRange } from '../../dockerfile/query';
import { toolOptions } from '../../dockerfile/options';
import { languageCommand } from '../../dockerfile/packages';
import type { ShWord } from '../../dockerfile/shell';

type Env = 'pythonHttpsVerify' | 'nodeTls' | 'npmStrictSslEnv' | 'gitSslNoVerify' | 'pipTrustedHostEnv';

function envProblem(key: string, value: string | undefined): Env | undefined {
  const v = (value ?? '').trim().toLowerCase();
  const off = v === '0' || v === 'false' || v === 'no' || v === 'off';
  switch (key.toUpperCase()) {
    case 'PYTHONHTTPSVERIFY':
      return off ? 'pythonHttpsVerify' : undefined;
    case 'NODE_TLS_REJECT_UNAUTHORIZED':
      return v === '0' ? 'nodeTls' : undefined;
    case 'NPM_CONFIG_STRICT_SSL':
      return off ? 'npmStrictSslEnv' : undefined;
    case 'GIT_SSL_NO_VERIFY':
      // git only checks that the variable is set, whatever its value.
      return value !== undefined ? 'gitSslNoVerify' : undefined;
    case 'PIP_TRUSTED_HOST':
      return v !== '' ? 'pipTrustedHostEnv' : undefined;
    default:
      return undefined;
  }
}

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-insecure-tls',
    target: 'dockerfile',
    title: 'TLS certificate verification disabled',
    severity: 'error',
    description:
      'Reports switches that turn off certificate checks: `curl -k`/`--insecure`, `wget --no-check-certificate`, pip `--trusted-host` and `PIP_TRUSTED_HOST`, `PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, npm/yarn/pnpm `strict-ssl false` and `NPM_CONFIG_STRICT_SSL=false`, `GIT_SSL_NO_VERIFY`, git `http.sslVerify=false`, yum/dnf `sslverify=0` and apt `Verify-Peer "false"`; in ARG, ENV and RUN. Removing a flag is offered as a suggestion, not applied on save: a build that relied on it (a proxy or mirror with a private CA) fails until that CA is installed.',
    rationale:
      'Without certificate checks anyone on the network path (a proxy, a compromised Wi-Fi or CI network, DNS hijack) can serve their own packages or scripts, and the build installs them as root. ENV settings also keep the checks off in the running container.',
    remediation: 'Remove the switch. If a private CA signs the server, install its certificate instead (`COPY corp-ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates`, or `curl --cacert`, `PIP_CERT`, `NODE_EXTRA_CA_CERTS`).',
    references: [
      { title: 'curl: --insecure', url: 'https://curl.se/docs/manpage.html#-k' },
      { title: 'Checkov Dockerfile policies', url: 'https://www.checkov.io/5.Policy%20Index/dockerfile.html' },
    ],
    fix: 'suggestion',
    standards: { cis: ['CIS Docker Benchmark 4.11: install verified packages only'] },
    messages: {
      curlInsecure: '`curl {{flag}}` skips certificate verification, so anyone on the network path can replace the download.',
      wgetNoCheck: '`wget --no-check-certificate` skips certificate verification, so anyone on the network path can replace the download.',
      pipTrustedHost: 'pip `--trusted-host` accepts that host over plain HTTP or with an invalid certificate.',
      pipTrustedHostEnv: '`PIP_TRUSTED_HOST` makes pip accept these hosts over plain HTTP or with invalid certificates.',
      pythonHttpsVerify: '`PYTHONHTTPSVERIFY={{value}}` turns off certificate verification in Python\'s HTTPS clients.',
      nodeTls: '`NODE_TLS_REJECT_UNAUTHORIZED=0` turns off certificate verification for every Node.js TLS connection.',
      npmStrictSslEnv: '`{{key}}={{value}}` turns off npm\'s certificate verification.',
      npmStrictSsl: '`strict-ssl false` turns off {{tool}}\'s certificate verification.',
      gitSslNoVerify: '`GIT_SSL_NO_VERIFY` (set to any value) turns off certificate verification for git.',
      gitSslVerify: '`http.sslVerify=false` turns off certificate verification for git.',
      yumSslVerify: '`{{text}}` turns off certificate verification for yum/dnf repositories.',
      aptVerifyPeer: 'APT `Verify-Peer`/`Verify-Host "false"` turns off certificate verification for package repositories.',
      removeFlag: 'Remove `{{flag}}`',
    },
    // Checkov splits this concern into one check per tool (CKV2_DOCKER_2-6, 12-16) and its Dockerfile skips are
    // file-wide; mapped per rule, skipping the curl check would also hide pip, Node and git findings Checkov still
    // reports. See docs/equivalents-audit-dockerfile.md for the check-to-message table.
    equivalents: [],
    messageEquivalents: {
      curlInsecure: ['checkov:CKV2_DOCKER_2'],
      wgetNoCheck: ['checkov:CKV2_DOCKER_3'],
      pipTrustedHost: ['checkov:CKV2_DOCKER_4'],
      pythonHttpsVerify: ['checkov:CKV2_DOCKER_5'],
      nodeTls: ['checkov:CKV2_DOCKER_6'],
      npmStrictSslEnv: ['checkov:CKV2_DOCKER_12'],
      npmStrictSsl: ['checkov:CKV2_DOCKER_13'],
      gitSslNoVerify: ['checkov:CKV2_DOCKER_14'],
      yumSslVerify: ['checkov:CKV2_DOCKER_15'],
      pipTrustedHostEnv: ['checkov:CKV2_DOCKER_16'],
    },
    examples: {
      bad: ['FROM debian:12\nRUN curl -fsSLk https://example.com/tool -o /tool\n', 'FROM node:22.11-bookworm-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n'],
      good: ['FROM debian:12\nRUN curl -fsSL --cacert /etc/ssl/corp-ca.pem https://example.com/tool -o /tool\n'],
    },
  },
  check({ file, dockerfile, report }) {
    // A suggestion, not a fix: dropping the flag changes what the build accepts and can break it.
    const removeFix = (flag: string, edits: TextEdit[]) => ({ suggestions: [{ messageId: 'removeFlag' as const, data: { flag }, edits }] });
    for (const { cmd } of runCommands(dockerfile)) {
      const args = cmd.argv.slice(1);
      const name = cmd.name;
      const pip = languageCommand(cmd)?.manager === 'pip';
      if (name === 'curl') {
        for (const o of toolOptions('curl', args).list) {
          if (o.name !== 'k' && o.name !== 'insecure') continue;
          const w = o.word;
          if (o.name === 'insecure' || w.value === '-k') {
            report({ messageId: 'curlInsecure', data: { flag: w.value }, range: wordRange(file, w), ...removeFix(w.value, [deleteWordEdit(file, w)]) });
            continue;
          }
          // `-fsSLk`: the letter inside its group; the option table already stopped at a letter that takes a value.
          const at = w.offsetOfValue(o.index);
          report({ messageId: 'curlInsecure', data: { flag: '-k' }, range: file.rangeOf(at, at + 1), ...(!w.quoted ? removeFix('k', [{ range: file.rangeOf(at, at + 1), newText: '' }]) : {}) });
        }
      } else if (name === 'wget') {
        for (const o of toolOptions('wget', args).list) {
          if (o.name === 'no-check-certificate') report({ messageId: 'wgetNoCheck', range: wordRange(file, o.word), ...removeFix(o.word.value, [deleteWordEdit(file, o.word)]) });
        }
      } else if (pip) {
        const found = languageCommand(cmd)!;
        const o = toolOptions('pip', found.args);
        for (const r of o.list) {
          if (r.name !== 'trusted-host') continue;
          const separate = r.value !== undefined && r.value.start >= r.word.end;
          const span = { start: r.word.start, end: separate ? r.value!.end : r.word.end };
          const text = separate ? `--trusted-host ${r.value!.value}` : r.word.value;
          report({ messageId: 'pipTrustedHost', range: file.rangeOf(span.start, span.end), ...removeFix(text, [deleteWordEdit(file, span)]) });
        }
        for (const w of o.operands) if (/^(global|install)\.trusted-host$/.test(w.value)) report({ messageId: 'pipTrustedHost', range: wordRange(file, w) });
      } else if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
        const values = args.map((w) => w.value);
        const i = values.findIndex((v) => v === 'strict-ssl' || v === 'strict-ssl=false');
        const off = (v: string | undefined) => v === 'false' || v === '0';
        if (i >= 0 && (values[i] === 'strict-ssl=false' || off(values[i + 1]))) report({ messageId: 'npmStrictSsl', data: { tool: name }, range: wordRange(file, args[i]!) });
        for (const w of args) {
          if (w.value === '--strict-ssl=false' || w.value === '--no-strict-ssl') report({ messageId: 'npmStrictSsl', data: { tool: name }, range: wordRange(file, w), ...removeFix(w.value, [deleteWordEdit(file, w)]) });
        }
      } else if (name === 'git') {
        const words: ShWord[] = args;
        for (let i = 0; i < words.length; i++) {
          const v = words[i]!.value;
          if (/^http(\..*)?\.sslverify=(false|0|no|off)$/i.test(v)) report({ messageId: 'gitSslVerify', range: wordRange(file, words[i]!) });
          else if (/^http(\..*)?\.sslverify$/i.test(v) && /^(false|0|no|off)$/i.test(words[i + 1]?.value ?? '')) report({ messageId: 'gitSslVerify', range: file.rangeOf(words[i]!.start, words[i + 1]!.end) });
        }
      }
      if (name === 'yum' || name === 'dnf' || name === 'microdnf' || name === 'tdnf' || name === 'echo' || name === 'printf' || name === 'sed' || name === 'tee' || name === 'yum-config-manager' || name === 'dnf-config-manager') {
        for (const w of args) {
          const m = /sslverify\s*=\s*(0|false|no|off)\b/i.exec(w.value);
          if (m) report({ messageId: 'yumSslVerify', data: { text: m[0] }, range: wordRange(file, w) });
        }
      }
      if (name === 'echo' || name === 'printf' || name === 'apt-get' || name === 'apt') {
        for (const w of args) if (/Verify-(Peer|Host)\W*(=\s*)?"?false/i.test(w.value)) report({ messageId: 'aptVerifyPeer', range: wordRange(file, w) });
      }
    }
    for (const s of settings(dockerfile)) {
      const problem = envProblem(s.key, s.value);
      if (!problem) continue;
      const end = s.valueSpan?.end ?? s.keySpan.end;
      report({ messageId: problem, data: problem === 'npmStrictSslEnv' ? { key: s.key, value: s.value ?? '' } : problem === 'pythonHttpsVerify' ? { value: s.value ?? '' } : {}, range: file.rangeOf(s.keySpan.start, end) });
    }
  },
});
