// OS packages installed without a version.
import { dockerfileRule } from '../../dockerfile/rule';
import { osInstall } from '../../dockerfile/packages';
import { runCommands, wordRange } from '../../dockerfile/query';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/pin-os-packages',
    target: 'dockerfile',
    title: 'OS packages installed without a version',
    severity: 'info',
    description:
      'Reports `apt-get`/`apt install`, `apk add`, `yum`/`dnf`/`microdnf`/`tdnf install` (and `module install`, where the `:stream` is the version) and `zypper install` commands with packages that carry no version (`curl=8.5.0-2`, `curl=8.5.0-r0`, `curl-8.5.0`). One finding per command, on its first unpinned package. A version given through a variable that ARG or ENV sets in scope (`curl-${CURL_VERSION}`, `curl=${VER}`) is substituted and counts. Not reported: packages named by unknown variables (`$buildDeps`), local `.deb`/`.rpm`/`.apk` files, apt `-t <release>`, apk `--virtual` names, yum groups and quoted versions.',
    rationale:
      'Unpinned packages make the image depend on the day it was built: a rebuild can pull a new major version, a regression or a compromised release, and two images from the same Dockerfile differ. Pinning turns an upgrade into a reviewed change.',
    remediation: 'Pin versions you have tested (`apt-get install -y curl=8.5.0-2ubuntu10.6`), or pin the base image by digest and let a bot update both; many teams accept unpinned packages on a digest-pinned base and set this rule to `off`.',
    references: [
      { title: 'Docker: apt-get best practices', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' },
      { title: 'hadolint DL3008', url: 'https://github.com/hadolint/hadolint/wiki/DL3008' },
    ],
    messages: {
      apt: '`{{package}}`{{others}} installed with apt without a version (`{{package}}=<version>`).',
      apk: '`{{package}}`{{others}} installed with apk without a version (`{{package}}=<version>`).',
      yum: '`{{package}}`{{others}} installed with yum without a version (`{{package}}-<version>`).',
      dnf: '`{{package}}`{{others}} installed with dnf without a version (`{{package}}-<version>`).',
      zypper: '`{{package}}`{{others}} installed with zypper without a version (`{{package}}=<version>`).',
    },
    equivalents: [],
    // One hadolint rule per package manager; a `# hadolint ignore=DL3008` silences only the apt findings.
    messageEquivalents: { apt: ['hadolint:DL3008'], apk: ['hadolint:DL3018'], yum: ['hadolint:DL3033'], dnf: ['hadolint:DL3041'], zypper: ['hadolint:DL3037'] },
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 $buildDeps ./local.deb\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const { cmd, node } of runCommands(dockerfile)) {
      const install = osInstall(cmd, (text) => dockerfile.expand(node, text));
      const first = install?.unpinned[0];
      if (!install || !first) continue;
      const n = install.unpinned.length - 1;
      report({ messageId: install.manager, data: { package: dockerfile.expand(node, first.value) ?? first.value, others: n ? ` and ${n} more package${n > 1 ? 's' : ''}` : '' }, range: wordRange(file, first) });
    }
  },
});
