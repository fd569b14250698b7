// Package managers told to install packages whose signatures are missing or wrong.
import { dockerfileRule } from '../../dockerfile/rule';
import { deleteWordEdit, runCommands, wordRange } from '../../dockerfile/query';

const FLAGS: Record<string, { managers: RegExp; messageId: 'aptUnauthenticated' | 'forceYes' | 'apkUntrusted' | 'noGpgCheck' | 'rpmNoSignature' }> = {
  '--allow-unauthenticated': { managers: /^(apt-get|apt|aptitude)$/, messageId: 'aptUnauthenticated' },
  '--allow-insecure-repositories': { managers: /^(apt-get|apt)$/, messageId: 'aptUnauthenticated' },
  '--force-yes': { managers: /^(apt-get|apt|aptitude)$/, messageId: 'forceYes' },
  '--allow-untrusted': { managers: /^apk$/, messageId: 'apkUntrusted' },
  '--nogpgcheck': { managers: /^(yum|dnf|microdnf|tdnf|rpm-ostree)$/, messageId: 'noGpgCheck' },
  '--no-gpg-checks': { managers: /^zypper$/, messageId: 'noGpgCheck' },
  '--nosignature': { managers: /^rpm$/, messageId: 'rpmNoSignature' },
  '--nodigest': { managers: /^rpm$/, messageId: 'rpmNoSignature' },
  '--nofiledigest': { managers: /^rpm$/, messageId: 'rpmNoSignature' },
  '--noverify': { managers: /^rpm$/, messageId: 'rpmNoSignature' },
};

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-unsigned-packages',
    target: 'dockerfile',
    title: 'Package signature checks disabled',
    severity: 'error',
    description:
      'Reports `apt-get --allow-unauthenticated`/`--allow-insecure-repositories`/`--force-yes`, `-o APT::Get::AllowUnauthenticated=true`, `[trusted=yes]` sources, `apk --allow-untrusted`, `yum`/`dnf`/`microdnf`/`tdnf --nogpgcheck`, `gpgcheck=0`, `zypper --no-gpg-checks` and `rpm --nosignature`/`--nodigest`/`--nofiledigest`/`--noverify`. Removing a flag is offered as a suggestion, not applied on save: a build that installs from an unsigned repository fails until its key is imported.',
    rationale:
      'Repository signatures are what makes a mirror or proxy unable to slip in a modified package. With the check off, anyone who can answer the package request (a compromised mirror, a man in the middle) installs code as root in your image; `--force-yes` also allows downgrades to vulnerable versions.',
    remediation: 'Remove the flag and import the repository\'s signing key instead (`/etc/apt/keyrings/*.gpg` with `signed-by=`, `apk add --allow-untrusted` → `/etc/apk/keys/*.rsa.pub`, `rpm --import`).',
    references: [
      { title: 'Debian wiki: SecureApt', url: 'https://wiki.debian.org/SecureApt' },
      { title: 'Checkov Dockerfile policies', url: 'https://www.checkov.io/5.Policy%20Index/dockerfile.html' },
    ],
    fix: 'suggestion',
    standards: { cis: ['CIS Docker Benchmark 4.11: install verified packages only'] },
    messages: {
      aptUnauthenticated: '`{{flag}}` lets apt install packages whose signatures are missing or invalid.',
      forceYes: '`{{flag}}` disables apt\'s signature checks and allows downgrades; use `-y`.',
      apkUntrusted: '`apk {{flag}}` installs packages without a trusted signature.',
      noGpgCheck: '`{{flag}}` installs RPM packages without checking their GPG signatures.',
      rpmNoSignature: '`rpm {{flag}}` skips package signature or digest verification.',
      trustedSource: '`{{text}}` makes apt trust a repository without signatures.',
      removeFlag: 'Remove `{{flag}}`',
    },
    // Checkov has one check per package manager flag (CKV2_DOCKER_7-11) and its Dockerfile skips are file-wide;
    // mapped per rule, skipping one would hide the others. See docs/equivalents-audit-dockerfile.md.
    equivalents: [],
    messageEquivalents: {
      apkUntrusted: ['checkov:CKV2_DOCKER_7'],
      aptUnauthenticated: ['checkov:CKV2_DOCKER_8'],
      noGpgCheck: ['checkov:CKV2_DOCKER_9'],
      rpmNoSignature: ['checkov:CKV2_DOCKER_10'],
      forceYes: ['checkov:CKV2_DOCKER_11'],
    },
    examples: {
      bad: ['FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n', 'FROM fedora:41\nRUN dnf install -y --nogpgcheck httpd\n'],
      good: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const { cmd } of runCommands(dockerfile)) {
      for (const w of cmd.argv.slice(1)) {
        const spec = FLAGS[w.value];
        if (spec && spec.managers.test(cmd.name)) {
          report({ messageId: spec.messageId, data: { flag: w.value }, range: wordRange(file, w), suggestions: [{ messageId: 'removeFlag', data: { flag: w.value }, edits: [deleteWordEdit(file, w)] }] });
          continue;
        }
        if (/^(apt-get|apt)$/.test(cmd.name) && /^APT::Get::AllowUnauthenticated=(true|1|yes)$/i.test(w.value)) {
          report({ messageId: 'aptUnauthenticated', data: { flag: w.value }, range: wordRange(file, w) });
        }
        const trusted = /\[[^\]]*trusted=yes[^\]]*\]/.exec(w.value);
        // A local `file:`/`copy:` repository of packages built in this image has no network path to protect
        // (docker-library/postgres builds its own .debs this way).
        if (trusted && /\]\s*(file|copy):/.test(w.value.slice(trusted.index))) continue;
        if (trusted && (cmd.name === 'echo' || cmd.name === 'printf' || cmd.name === 'tee' || cmd.name === 'add-apt-repository')) {
          report({ messageId: 'trustedSource', data: { text: trusted[0] }, range: wordRange(file, w) });
        }
        const gpg = /\bgpgcheck\s*=\s*(0|false|no)\b/i.exec(w.value);
        if (gpg && /^(echo|printf|sed|tee|yum|dnf|microdnf|tdnf|yum-config-manager)$/.test(cmd.name)) {
          report({ messageId: 'noGpgCheck', data: { flag: gpg[0] }, range: wordRange(file, w) });
        }
      }
    }
  },
});
