// COPY/ADD of a file that holds credentials.
import { dockerfileRule } from '../../dockerfile/rule';
import type { DockerfileModel, InstructionNode } from '../../dockerfile/model';
import { runCommands } from '../../dockerfile/query';
import { secretFileKind } from '../../dockerfile/secrets';
import { basename } from '../../dockerfile/shell';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-secret-file-copy',
    target: 'dockerfile',
    title: 'Secret file copied into the image',
    severity: 'error',
    description:
      'Reports `COPY`/`ADD` sources that are credential files: `.env` (not `.env.example`), SSH private keys and `.ssh/`, `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.aws/`, Docker and Kubernetes configs, cloud credential JSON, `*.key`, `*.p12`, `*.pfx`, keystores and `*.pem` files that are not certificates. A key file copied to a `*.pub` name, or imported later in the stage with `gpg --import`, `apt-key add` or `rpm --import`, is a public key and is not reported.',
    rationale:
      'A copied file stays in its layer even if a later RUN deletes it, so anyone who pulls the image (or a build stage\'s cache) can read it. `.npmrc` and `.pypirc` copied "just for the install" are a classic token leak.',
    remediation: 'Mount the file for the one step that needs it: `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, built with `--secret id=npmrc,src=.npmrc`. List credential files in `.dockerignore`.',
    references: [
      { title: 'Docker: build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
      { title: 'Docker: .dockerignore', url: 'https://docs.docker.com/build/concepts/context/#dockerignore-files' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.10: do not store secrets in Dockerfiles'] },
    messages: {
      secretFile: '`{{path}}` is {{what}}; it stays in the image layer. Mount it with `RUN --mount=type=secret` instead.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nCOPY .npmrc package.json ./\n', 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n'],
      good: ['FROM node:22.11-bookworm-slim\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const node of dockerfile.nodes) {
      const target = node.trigger ?? node;
      if (target.keyword !== 'COPY' && target.keyword !== 'ADD') continue;
      const words = target.json ?? target.args;
      const sources = words.slice(0, -1);
      const dest = words[words.length - 1]?.value ?? '';
      for (const src of sources) {
        const value = dockerfile.expand(node, src.value) ?? src.value;
        if (value.startsWith('<<') || /^[a-z]+:\/\//i.test(value)) continue;
        const what = secretFileKind(value);
        if (!what) continue;
        // Copied to `*.pub`, or a key file imported into a keyring: a public key, not a secret.
        const copiedTo = dest.endsWith('/') || sources.length > 1 ? `${dest.replace(/\/?$/, '/')}${basename(value)}` : dest;
        if (/\.pub$/i.test(copiedTo) || (/\.(key|asc|gpg)$/i.test(value) && importedAsPublicKey(dockerfile, node, copiedTo))) continue;
        report({ messageId: 'secretFile', data: { path: value, what }, range: file.rangeOf(src.start, src.end) });
      }
    }
  },
});

/** A later RUN of the stage imports the file as a public key: `gpg --import`, `apt-key add`, `rpm --import`. */
function importedAsPublicKey(model: DockerfileModel, at: InstructionNode, path: string): boolean {
  const stage = model.stageOf(at);
  const name = basename(path);
  return runCommands(model).some(({ cmd, node, stage: s }) => {
    if (s !== stage || node.start < at.start) return false;
    const args = cmd.argv.slice(1).map((w) => w.value);
    const imports = ((cmd.name === 'gpg' || cmd.name === 'gpg2') && args.includes('--import')) || (cmd.name === 'apt-key' && args[0] === 'add') || (cmd.name === 'rpm' && args.includes('--import'));
    return imports && args.some((a) => a === path || basename(a) === name);
  });
}
