// Downloads over plain http:// (or ftp://): nothing protects the content on its way into the image.
import { dockerfileRule } from '../../dockerfile/rule';
import { stageDownloads } from '../../dockerfile/downloads';
import { wordRange } from '../../dockerfile/query';

const PLAIN = /^(http|ftp):\/\/([^/?#]*)/i;
// Loopback is not a network path anyone else sits on (a service started earlier in the same RUN).
const LOOPBACK = /^(?:[^@]*@)?(localhost|127(?:\.\d+){3}|\[::1\])(:\d+)?$/i;

function plainUrl(value: string): boolean {
  const m = PLAIN.exec(value);
  return m !== null && !LOOPBACK.test(m[2]!);
}

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-plain-http',
    target: 'dockerfile',
    title: 'Download over plain HTTP',
    severity: 'warning',
    description:
      'Reports `curl`, `wget` and `aria2c` downloads and `ADD` sources that use `http://` or `ftp://`, unless the content is verified anyway: a later checksum or signature check that names the downloaded file (as `dockerfile/verify-downloads` ties them), `aria2c --checksum`, or `ADD --checksum`. Loopback addresses are not reported.',
    rationale:
      'Plain HTTP has no transport integrity: any proxy, router or DNS spoofer on the path can replace the file, and the build installs what it receives. HTTPS at least proves who served the file; a checksum or signature proves it is the file you reviewed.',
    remediation: 'Use the `https://` URL (most mirrors serve both). If the server only offers HTTP, pin the content: `ADD --checksum=sha256:… http://…` or check a pinned `sha256sum` / the publisher\'s signature right after the download.',
    references: [
      { title: 'Docker: ADD --checksum', url: 'https://docs.docker.com/reference/dockerfile/#add---checksum' },
      { title: 'OWASP: transport layer security', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.11: install verified packages only'] },
    messages: {
      plainHttp: '`{{url}}` is downloaded over plain {{scheme}}, so anyone on the network path can replace it; use https or verify the file.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM debian:12\nRUN curl -fsSLo /tmp/t.tgz http://example.com/t.tgz && tar -xzf /tmp/t.tgz\n', 'FROM alpine:3.20\nADD http://example.com/t.tgz /tmp/\n'],
      good: ['FROM debian:12\nRUN curl -fsSLo /tmp/t.tgz https://example.com/t.tgz && echo "$SHA  /tmp/t.tgz" | sha256sum -c -\n', 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d http://example.com/t.tgz /tmp/\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const scheme = (url: string): string => url.slice(0, url.indexOf(':')).toUpperCase();
    for (const { download, verified, run } of stageDownloads(dockerfile)) {
      if (verified || download.checked) continue;
      for (const url of download.urls) {
        const value = dockerfile.expand(run, url.value) ?? url.value;
        if (plainUrl(value)) report({ messageId: 'plainHttp', data: { url: value, scheme: scheme(value) }, range: wordRange(file, url) });
      }
    }
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'ADD' || target.flags.some((f) => f.name === 'checksum')) continue;
      for (const src of (target.json ?? target.args).slice(0, -1)) {
        const value = dockerfile.expand(node, src.value) ?? src.value;
        if (plainUrl(value)) report({ messageId: 'plainHttp', data: { url: value, scheme: scheme(value) }, range: file.rangeOf(src.start, src.end) });
      }
    }
  },
});
