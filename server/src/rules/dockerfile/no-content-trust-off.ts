// Docker Content Trust explicitly turned off.
import { dockerfileRule } from '../../dockerfile/rule';
import { settings } from '../../dockerfile/query';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-content-trust-off',
    target: 'dockerfile',
    title: 'Docker Content Trust disabled',
    severity: 'warning',
    description: 'Reports `DOCKER_CONTENT_TRUST` set to `0`, `false` or empty in `ARG`, `ENV` or a `RUN` assignment/`export`.',
    rationale:
      'With content trust on, the Docker CLI only pulls and runs signed image tags. Setting it to 0 inside an image (typically a CI or docker-in-docker image) silently turns that protection off for every `docker pull` the image performs.',
    remediation: 'Remove the setting (or set `DOCKER_CONTENT_TRUST=1`) and make sure the images you pull are signed; prefer digest pinning and Sigstore/Notary v2 verification for new setups.',
    references: [{ title: 'Docker: content trust', url: 'https://docs.docker.com/engine/security/trust/' }],
    standards: { cis: ['CIS Docker Benchmark 4.5: enable Content trust for Docker'] },
    messages: {
      disabled: '`DOCKER_CONTENT_TRUST={{value}}` turns off image signature verification for Docker commands run in this image.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST=0\n'],
      good: ['FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST=1\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const s of settings(dockerfile)) {
      if (s.key !== 'DOCKER_CONTENT_TRUST' || s.value === undefined) continue;
      if (!/^(0|false|no|off|)$/i.test(s.value.trim())) continue;
      report({ messageId: 'disabled', data: { value: s.value }, range: file.rangeOf(s.keySpan.start, s.valueSpan?.end ?? s.keySpan.end) });
    }
  },
});
