// Files downloaded during the build and used without a checksum or signature check.
import { dockerfileRule } from '../../dockerfile/rule';
import { isVerificationMaterial, remoteName, stageDownloads } from '../../dockerfile/downloads';
import { wordRange } from '../../dockerfile/query';
import { basename } from '../../dockerfile/shell';

const EXTRACTORS = new Set(['tar', 'bsdtar', 'unzip', 'gunzip', 'gzip', 'xz', 'unxz', 'zstd', 'bzip2', 'bunzip2', 'cpio', 'dpkg', 'rpm', 'install']);

export default dockerfileRule({
  meta: {
    id: 'dockerfile/verify-downloads',
    target: 'dockerfile',
    title: 'Download used without checksum or signature verification',
    severity: 'warning',
    description:
      'Reports each file that `curl`, `wget` or `aria2c` downloads (`-o`/`-O`/`--output`, remote names, or `> file`) and that no later check in the stage names: `sha256sum -c` (or another `*sum -c`) fed with that file name, `gpg --verify`/`gpgv`, `cosign verify*`, `minisign -V`, `openssl … -verify`, `rpm --checksig` or `gh attestation verify` naming the file or its `.asc`/`.sig`, or a checksum list (`sha256sum -c SHA256SUMS`) read in the same RUN. One check no longer clears every earlier download. Also reports downloads piped straight into `tar`, `unzip` and similar. Not reported: downloads of signatures, checksum lists and keys, `aria2c --checksum`, and piping into a shell (`dockerfile/no-pipe-to-shell`); plain `http://` is `dockerfile/no-plain-http`.',
    rationale:
      'HTTPS proves who served a file, not that it is the file you reviewed: release assets get replaced, mirrors get compromised, and redirects move. Checking a pinned checksum or the publisher\'s signature is what makes the download reproducible and tamper-evident.',
    remediation: 'Pin the expected digest next to the version and check it before use: `curl -fsSLo tool.tgz "$URL" && echo "$TOOL_SHA256  tool.tgz" | sha256sum -c - && tar -xzf tool.tgz`. Or verify the publisher\'s signature with `gpg --verify`/`cosign verify-blob`. Or use `ADD --checksum=sha256:…`.',
    references: [
      { title: 'hadolint#282: enforce checksums when using curl/wget', url: 'https://github.com/hadolint/hadolint/issues/282' },
      { title: 'SLSA: verifying artifacts', url: 'https://slsa.dev/spec/v1.0/verifying-artifacts' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.11: install verified packages only', 'CIS Docker Benchmark 4.12: ensure all signed artifacts are validated'] },
    messages: {
      unverified: '`{{file}}` is downloaded but never checked against a checksum or signature in this stage; verify it before using it.',
      extracted: 'This download is piped into `{{consumer}}` without any checksum or signature check; save, verify, then extract it.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM debian:12\nRUN curl -fsSLo /usr/local/bin/tool https://example.com/tool && chmod +x /usr/local/bin/tool\n', 'FROM debian:12\nRUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /opt\n'],
      good: ['FROM debian:12\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz \\\n && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/tool.tgz" | sha256sum -c - \\\n && tar -xzf /tmp/tool.tgz -C /opt\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const { download: d, verified, run } of stageDownloads(dockerfile)) {
      if (verified || d.checked) continue;
      const url = d.urls[0]!;
      if (isVerificationMaterial(d)) continue;
      if (d.toStdout) {
        const cmd = d.cmd;
        if (cmd.inSubstitution) continue;
        const later = cmd.pipeline.elements.slice(cmd.pipeIndex + 1).flat();
        const consumer = later.find((c) => EXTRACTORS.has(c.name));
        if (consumer) report({ messageId: 'extracted', data: { consumer: consumer.name }, range: wordRange(file, url) });
        continue;
      }
      const name = d.files.map(basename)[0] ?? remoteName(url.value);
      report({ messageId: 'unverified', data: { file: dockerfile.expand(run, name) ?? name }, range: wordRange(file, url) });
    }
  },
});
