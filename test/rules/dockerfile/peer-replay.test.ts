// Peers' own test cases for Dockerfile peer ids, replayed through the full engine (see test/support/peerReplay.ts for
// how a verdict is read). Each row names the peer test it comes from (hadolint `test/Hadolint/Rule/*Spec.hs` `it "…"`
// names, or the rule source where no test exists) and the rule that claims the id, or writes it in `peerNotes` as a
// related, not equivalent, peer check (hadolint DL4006 and DL3067, Checkov CKV_DOCKER_4: below the 97% bar). `differs`
// marks a case we deliberately decide otherwise, with the difference written in the rule's `peerNotes` and
// docs/equivalents-audit-dockerfile.md. Only the ids whose rules changed in the second pass are replayed, so a claimed
// id without rows here is not checked against the bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../../server/src/api';
import { replayTable, type Replay as PeerReplay } from '../../support/peerReplay';

interface Replay extends PeerReplay {
  /** The rule that claims `peer`, or writes it as related in `peerNotes`. */
  rule: string;
  path: 'Dockerfile';
}

const run = (body: string, base = 'debian:12') => `FROM ${base}\nRUN ${body}\n`;
const rows = (peer: string, rule: string, base: string | undefined, cases: readonly (readonly [string, string, boolean])[]): Replay[] =>
  cases.map(([source, body, peerFires]) => ({ peer, rule, source, path: 'Dockerfile', code: run(body, base), peerFires }));

const REPLAYS: Replay[] = [
  // hadolint DL3013Spec
  ...rows('hadolint:DL3013', 'dockerfile/pin-language-packages', 'python:3.13', [
    ['pip2 version not pinned', 'pip2 install MySQL_python', true],
    ['pip3 version pinned', 'pip3 install MySQL_python==1.2.2', false],
    ['pip3 install from local package', 'pip3 install mypkg.whl && pip3 install mypkg.tar.gz', false],
    ['pip install requirements', 'pip install -r requirements.txt', false],
    ['pip install requirements with long flag', 'pip install --requirement requirements.txt', false],
    ['pip install use setup.py', 'pip install .', false],
    ['pip version pinned with ~= operator', 'pip install MySQL_python~=1.2.2', false],
    ['pip version pinned with === operator', 'pip install MySQL_python===1.2.2', false],
    ['pip version pinned with flag --build', 'pip3 install --build /opt/yamllint yamllint==1.20.0', false],
    ['pip version pinned with flag --prefix', 'pip3 install --prefix /opt/yamllint yamllint==1.20.0', false],
    ['pip version pinned with flag --root', 'pip3 install --root /opt/yamllint yamllint==1.20.0', false],
    ['pip version pinned with flag --target', 'pip3 install --target /opt/yamllint yamllint==1.20.0', false],
    ['pip version pinned with flag --trusted-host', 'pip3 install --trusted-host host example==1.2.2', false],
    ['pip version pinned with python -m', 'python -m pip install example==1.2.2', false],
    ['pip version not pinned with python -m', 'python -m pip install --index-url url example', true],
    ['pip install git', 'pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext', false],
    ['pip install unversioned git', 'pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext', true],
    ['pip install upper bound', "pip install 'alabaster>=0.7'", false],
    ['pip install excluded version', "pip install 'alabaster!=0.7'", false],
    ['pip install user directory', 'pip install MySQL_python==1.2.2 --user', false],
    ['pip install --index-url with --extra-index-url', 'pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0', false],
    ['pip install constraints file - long version argument', 'pip install pykafka --constraint http://foo.bar.baz', false],
    ['pip install constraints file - short version argument', 'pip install pykafka -c http://foo.bar.baz', false],
    ['pip install --index-url with --extra-index-url with basic auth', 'pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://user:pass@ex-eg.io/foo foobar==1.0.0', false],
  ]),
  // hadolint DL3016Spec
  ...rows('hadolint:DL3016', 'dockerfile/pin-language-packages', 'node:22', [
    ['version pinned in package.json', 'npm install', false],
    ['version pinned in package.json with arguments', 'npm install --progress=false', false],
    ['version pinned', 'npm install express@4.1.1', false],
    ['version pinned with scope', 'npm install @myorg/privatepackage@">=0.1.0"', false],
    ['version pinned multiple packages', 'npm install express@"4.1.1" sax@0.1.1', false],
    ['version pinned with -g', 'npm install -g express@"4.1.1"', false],
    ['version does not have to be pinned for tarball suffix .tar', 'npm install package-v1.2.3.tar', false],
    ['version does not have to be pinned for tarball suffix .tgz', 'npm install package-v1.2.3.tgz', false],
    ['version does not have to be pinned for folder - absolute path', 'npm install /folder', false],
    ['version does not have to be pinned for folder - relative path to parent folder', 'npm install ../folder', false],
    ['version does not have to be pinned for folder - relative path from home', 'npm install ~/folder', false],
    ['commit pinned for git+ssh', 'npm install git+ssh://git@github.com:npm/npm.git#v1.0.27', false],
    ['commit pinned for git+http', 'npm install git+http://isaacs@github.com/npm/npm#semver:^5.0', false],
    ['commit pinned for git', 'npm install git://github.com/npm/npm.git#v1.0.27', false],
    ['npm run install is fine', 'npm run --crazy install', false],
    ['version not pinned', 'npm install express', true],
    ['version not pinned with scope', 'npm install @myorg/privatepackage', true],
    ['version not pinned multiple packages', 'npm install express sax@0.1.1', true],
    ['version not pinned with --global', 'npm install --global express', true],
    ['commit not pinned for git+ssh', 'npm install git+ssh://git@github.com:npm/npm.git', true],
    ['commit not pinned for git+http', 'npm install git+http://isaacs@github.com/npm/npm', true],
    ['commit not pinned for git', 'npm install git://github.com/npm/npm.git', true],
    ["don't fire on loglevel flag", 'npm install --loglevel verbose sax@0.1.1', false],
    ["don't fire on registry flag", 'npm install --registry https://example.com sax@0.1.1', false],
    ['version not pinned with --registry=value form', 'npm install --registry=https://example.com express', true],
  ]),
  // hadolint DL3028 (rule source: `:` pins, as do -v/--version)
  ...rows('hadolint:DL3028', 'dockerfile/pin-language-packages', 'ruby:3.3', [
    ['gem install without version', 'gem install bundler', true],
    ['gem install name:version', 'gem install bundler:2.5.22', false],
    ['gem install -v', 'gem install bundler -v 2.5.22', false],
    ['gem install --version=', 'gem install bundler --version=2.5.22', false],
  ]),
  // hadolint DL3041Spec
  ...rows('hadolint:DL3041', 'dockerfile/pin-os-packages', 'fedora:41', [
    ['not ok without dnf version pinning', 'dnf install -y tomcat && dnf clean all', true],
    ['not ok without dnf version pinning (microdnf)', 'microdnf install -y tomcat && microdnf clean all', true],
    ['not ok without dnf version pinning - package name with `-`', 'dnf install -y rpm-sign && dnf clean all', true],
    ['ok with dnf version pinning', 'dnf install -y tomcat-9.0.1 && dnf clean all', false],
    ['ok without version pinning if command is not `dnf` or `microdnf`', 'notdnf install tomcat', false],
    ['ok with dnf version pinning - package name with `-`', 'dnf install -y rpm-sign-4.16.1.3 && dnf clean all', false],
    ['ok with dnf version pinning - package name with `-` and `+`', 'dnf install -y gcc-c++-1.1.1', false],
    ['ok with dnf version pinning - package version with epoch', 'dnf install -y openssl-1:1.1.1k', false],
    ['not ok without dnf version pinning - modules', 'dnf module install -y tomcat && dnf clean all', true],
    ['not ok without dnf version pinning - modules (microdnf)', 'microdnf module install -y tomcat && microdnf clean all', true],
    ['ok with dnf version pinning - modules', 'dnf module install -y tomcat:9 && dnf clean all', false],
    ['ok with dnf version pinning via shell variable', 'dnf install -y "git-core-${GIT_VER}" && dnf install -y tomcat-$VERSION && dnf clean all', false],
  ]),
  // hadolint DL4006Spec
  { peer: 'hadolint:DL4006', path: 'Dockerfile', rule: 'dockerfile/pipefail', source: 'warn on missing pipefail', code: 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n', peerFires: true },
  { peer: 'hadolint:DL4006', path: 'Dockerfile', rule: 'dockerfile/pipefail', source: "don't warn on commands with no pipes", code: 'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n', peerFires: false },
  ...(
    [
      ["don't warn on commands with pipes and the pipefail option", '"/bin/bash", "-eo", "pipefail", "-c"'],
      ["don't warn on commands with pipes and the pipefail option 2", '"/bin/bash", "-e", "-o", "pipefail", "-c"'],
      ["don't warn on commands with pipes and the pipefail option 3", '"/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"'],
      ["don't warn on commands with pipes and the pipefail zsh", '"/bin/zsh", "-o", "pipefail", "-c"'],
      ["don't warn when bash is invoked via a non-standard absolute path", '"/usr/bin/bash", "-o", "pipefail", "-c"'],
      ["don't warn when zsh is invoked via a non-standard absolute path", '"/usr/local/bin/zsh", "-o", "pipefail", "-c"'],
      ["don't warn on powershell", '"pwsh", "-c"'],
    ] as const
  ).map(([source, shell]): Replay => ({ peer: 'hadolint:DL4006', path: 'Dockerfile', rule: 'dockerfile/pipefail', source, code: `FROM scratch as build\nSHELL [${shell}]\nRUN wget -O - https://some.site | wc -l file > /number\n`, peerFires: false })),
  {
    peer: 'hadolint:DL4006',
    path: 'Dockerfile',
    rule: 'dockerfile/pipefail',
    source: 'warns when using plain sh',
    code: 'FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
    peerFires: true,
    differs: 'a `/bin/sh` that accepts `-o pipefail` (busybox ash, bash as sh) runs the pipe with pipefail, and one that rejects it (dash) fails every RUN loudly; nothing fails silently either way',
  },
  { peer: 'hadolint:DL4006', path: 'Dockerfile', rule: 'dockerfile/pipefail', source: 'warn on missing pipefail in the next image', code: 'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\nFROM scratch as build2\nRUN wget -O - https://some.site | wc -l file > /number\n', peerFires: true },
  { peer: 'hadolint:DL4006', path: 'Dockerfile', rule: 'dockerfile/pipefail', source: 'warn on missing pipefail if next SHELL is not using it', code: 'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\nSHELL ["/bin/sh", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n', peerFires: true },
  { peer: 'hadolint:DL4006', path: 'Dockerfile', rule: 'dockerfile/pipefail', source: 'ignore non posix shells: cmd.exe', code: 'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n', peerFires: false },
  // hadolint DL3020 (rule source: every source must be an archive or a URL)
  { peer: 'hadolint:DL3020', path: 'Dockerfile', rule: 'dockerfile/prefer-copy', source: 'ADD of a local file', code: 'FROM alpine:3.20\nADD app.py /app/\n', peerFires: true },
  { peer: 'hadolint:DL3020', path: 'Dockerfile', rule: 'dockerfile/prefer-copy', source: 'ADD of an archive (archiveFileFormatExtensions)', code: 'FROM alpine:3.20\nADD rootfs.tar.xz root.tgz data.bz2 /\n', peerFires: false },
  { peer: 'hadolint:DL3020', path: 'Dockerfile', rule: 'dockerfile/prefer-copy', source: 'ADD of a URL', code: 'FROM alpine:3.20\nADD https://example.com/x.sh /x.sh\n', peerFires: false },
  { peer: 'hadolint:DL3020', path: 'Dockerfile', rule: 'dockerfile/prefer-copy', source: 'a plain file among archives', code: 'FROM alpine:3.20\nADD rootfs.tar.xz config.json /\n', peerFires: true },
  { peer: 'checkov:CKV_DOCKER_4', path: 'Dockerfile', rule: 'dockerfile/prefer-copy', source: 'AddExists: any ADD fails', code: 'FROM alpine:3.20\nADD rootfs.tar.xz /\n', peerFires: true, differs: 'COPY cannot replace the extraction of a local archive, which is what ADD is for' },
  // hadolint DL3061Spec
  { peer: 'hadolint:DL3061', path: 'Dockerfile', rule: 'dockerfile/missing-from', source: 'warn: label before from', code: 'LABEL foo=bar\nFROM foo\n', peerFires: true },
  { peer: 'hadolint:DL3061', path: 'Dockerfile', rule: 'dockerfile/missing-from', source: "don't warn: from before label", code: 'FROM foo\nLABEL foo=bar\n', peerFires: false },
  { peer: 'hadolint:DL3061', path: 'Dockerfile', rule: 'dockerfile/missing-from', source: "don't warn: ARG then FROM then LABEL", code: 'ARG A=B\nFROM foo\nLABEL foo=bar\n', peerFires: false },
  // hadolint DL3067 (rule source: source and destination both `/`)
  { peer: 'hadolint:DL3067', path: 'Dockerfile', rule: 'dockerfile/no-copy-whole-stage', source: 'COPY --from=stage / /', code: 'FROM debian:12 AS b\nFROM scratch\nCOPY --from=b / /\n', peerFires: true },
  { peer: 'hadolint:DL3067', path: 'Dockerfile', rule: 'dockerfile/no-copy-whole-stage', source: 'COPY --from=stage /app /', code: 'FROM debian:12 AS b\nFROM scratch\nCOPY --from=b /app /\n', peerFires: false },
  {
    peer: 'hadolint:DL3067',
    path: 'Dockerfile',
    rule: 'dockerfile/no-copy-whole-stage',
    source: 'COPY --from=stage / / of a scratch build-output stage',
    code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch AS out\nCOPY --from=build /out/app /app\nFROM alpine:3.20\nCOPY --from=out / /\n',
    peerFires: true,
    differs: 'the root of a `FROM scratch` stage that only collects build output holds nothing but those artefacts',
  },
  // hadolint DL3025 and BuildKit JSONArgsRecommended (CMD/ENTRYPOINT only)
  ...(['hadolint:DL3025', 'buildkit:JSONArgsRecommended'] as const).flatMap((peer): Replay[] => [
    { peer, path: 'Dockerfile', rule: 'dockerfile/exec-form-cmd', source: 'shell-form CMD', code: 'FROM node:22\nCMD node server.js\n', peerFires: true },
    { peer, path: 'Dockerfile', rule: 'dockerfile/exec-form-cmd', source: 'shell-form ENTRYPOINT', code: 'FROM node:22\nENTRYPOINT node server.js\n', peerFires: true },
    { peer, path: 'Dockerfile', rule: 'dockerfile/exec-form-cmd', source: 'exec-form CMD', code: 'FROM node:22\nCMD ["node", "server.js"]\n', peerFires: false },
  ]),
];

replayTable('Dockerfile', ['dockerfile'], REPLAYS, { everyClaimReplayed: false });

test('Dockerfile: each row names the rule that claims its peer id or writes it in peerNotes', () => {
  const wrong = REPLAYS.filter((r) => {
    const meta = RULES.find((x) => x.meta.id === r.rule)?.meta;
    const claims = meta ? [...meta.equivalents, ...Object.values(meta.messageEquivalents ?? {}).flatMap((v) => v ?? [])] : [];
    return !meta || !(claims.includes(r.peer) || meta.peerNotes?.[r.peer] !== undefined);
  }).map((r) => `${r.peer} → ${r.rule}`);
  assert.deepEqual([...new Set(wrong)], []);
});
