// Files downloaded during the build and used without a checksum or signature check.
import { dockerfileRule } from '../../dockerfile/rule';
import { downloadOf } from '../../dockerfile/downloads';
import { runScripts, wordRange } from '../../dockerfile/query';
import type { ShCommand } from '../../dockerfile/shell';

const SUMS = /^(sha(1|224|256|384|512)sum|md5sum|b2sum|shasum|cksum)$/;
const EXTRACTORS = new Set(['tar', 'bsdtar', 'unzip', 'gunzip', 'gzip', 'xz', 'unxz', 'zstd', 'bzip2', 'bunzip2', 'cpio', 'dpkg', 'rpm', 'install']);
// Downloads that are themselves the verification material.
const VERIFICATION_FILE = /(\.(asc|sig|sign|minisig|sha\d*|sha\d*sum|md5|gpg|pub|key|pem|crt|cer|intoto\.jsonl)|SHA\d*SUMS(\.txt)?|checksums?(\.txt)?|KEYS)(\?.*)?$/i;

function isVerification(cmd: ShCommand): boolean {
  const args = cmd.argv.slice(1).map((w) => w.value);
  if (SUMS.test(cmd.name)) return args.some((a) => a === '-c' || a === '--check' || /^-[a-z]*c[a-z]*$/.test(a) && cmd.name !== 'cksum');
  if (cmd.name === 'gpg' || cmd.name === 'gpg2') return args.some((a) => a === '--verify' || a === '--verify-files' || a === '--decrypt' && args.includes('--output') === false);
  if (cmd.name === 'gpgv' || cmd.name === 'gpgv2' || cmd.name === 'slsa-verifier' || cmd.name === 'sigstore-verify') return true;
  if (cmd.name === 'cosign') return args.some((a) => a.startsWith('verify'));
  if (cmd.name === 'minisign' || cmd.name === 'signify') return args.includes('-V');
  if (cmd.name === 'openssl') return args.includes('-verify');
  if (cmd.name === 'gh') return args.includes('attestation') && args.includes('verify');
  if (cmd.name === 'rpm') return args.some((a) => a === '-K' || a === '--checksig');
  if (cmd.name === 'ssh-keygen') return args.includes('-Y') && args.includes('verify');
  return false;
}

export default dockerfileRule({
  meta: {
    id: 'dockerfile/verify-downloads',
    target: 'dockerfile',
    title: 'Download used without checksum or signature verification',
    severity: 'warning',
    description:
      'Reports `curl`/`wget` downloads (to a file, or piped into `tar`, `unzip` and similar) in a stage that never verifies anything at or after that point: no `sha256sum -c` (or another `*sum -c`), `gpg --verify`, `gpgv`, `cosign verify*`, `minisign -V`, `openssl … -verify`, `rpm --checksig` or `gh attestation verify`. Downloads of signatures, checksum lists and keys are not reported; piping into a shell is `dockerfile/no-pipe-to-shell`.',
    rationale:
      'HTTPS proves who served a file, not that it is the file you reviewed: release assets get replaced, mirrors get compromised, and redirects move. Checking a pinned checksum or the publisher\'s signature is what makes the download reproducible and tamper-evident.',
    remediation: 'Pin the expected digest next to the version and check it before use: `curl -fsSLo tool.tgz "$URL" && echo "$TOOL_SHA256  tool.tgz" | sha256sum -c - && tar -xzf tool.tgz`. Or verify the publisher\'s signature with `gpg --verify`/`cosign verify-blob`. Or use `ADD --checksum=sha256:…`.',
    references: [
      { title: 'hadolint#282: enforce checksums when using curl/wget', url: 'https://github.com/hadolint/hadolint/issues/282' },
      { title: 'SLSA: verifying artifacts', url: 'https://slsa.dev/spec/v1.0/verifying-artifacts' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.11: install verified packages only', 'CIS Docker Benchmark 4.12: ensure all signed artifacts are validated'] },
    messages: {
      unverified: 'This download is never checked against a checksum or signature in this stage; verify it before using it.',
      extracted: 'This download is piped into `{{consumer}}` without any checksum or signature check; save, verify, then extract it.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM debian:12\nRUN curl -fsSLo /usr/local/bin/tool https://example.com/tool && chmod +x /usr/local/bin/tool\n', 'FROM debian:12\nRUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /opt\n'],
      good: ['FROM debian:12\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz \\\n && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/tool.tgz" | sha256sum -c - \\\n && tar -xzf /tmp/tool.tgz -C /opt\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const runs = runScripts(dockerfile).filter((r) => r.stage === stage);
      const cmds = runs.flatMap((r) => r.script.commands.map((cmd) => ({ cmd, at: r.node.start })));
      const lastCheck = Math.max(-1, ...cmds.filter((c) => isVerification(c.cmd)).map((c) => c.at + c.cmd.start / 1e9));
      for (const { cmd, at } of cmds) {
        const d = downloadOf(cmd);
        if (!d || lastCheck >= at + cmd.start / 1e9) continue;
        const args = cmd.argv.map((w) => w.value);
        if (args.some((a) => a === '-I' || a === '--head' || a === '--spider')) continue;
        const url = d.urls[0]!;
        if (d.urls.every((u) => VERIFICATION_FILE.test(u.value)) || d.outputs.some((o) => VERIFICATION_FILE.test(o.value))) continue;
        if (d.toStdout) {
          if (cmd.inSubstitution) continue;
          const later = cmd.pipeline.elements.slice(cmd.pipeIndex + 1).flat();
          const consumer = later.find((c) => EXTRACTORS.has(c.name));
          if (consumer) report({ messageId: 'extracted', data: { consumer: consumer.name }, range: wordRange(file, url) });
          continue;
        }
        report({ messageId: 'unverified', range: wordRange(file, url) });
      }
    }
  },
});
