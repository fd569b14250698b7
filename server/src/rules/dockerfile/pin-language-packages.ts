// Language packages (pip, npm, gem, go install) installed without a version.
import { dockerfileRule } from '../../dockerfile/rule';
import { langInstall } from '../../dockerfile/packages';
import { runCommands, wordRange } from '../../dockerfile/query';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/pin-language-packages',
    target: 'dockerfile',
    title: 'Language packages installed without a version',
    severity: 'warning',
    description:
      'Reports `pip install`, `pipx install`, `npm install <pkg>`, `gem install`, and `go install`/`go get`/`go run` (also through `python -m pip`, `uv pip` and `xx-go`) of registry packages without a version (`flask==3.0.3`, `typescript@5.6.3`, `rails:7.2.1` or `-v`, `golang.org/x/tools/gopls@v0.16.2`), with `@latest` (npm, go, pipx), or from a VCS URL with no ref (`git+https://…/repo.git` without `@<ref>` for pip, without `#<commit-ish>` for npm, also `user/repo` shorthands). One finding per command. Not reported: requirement, constraints and lock files (`-r requirements.txt`, `-c constraints.txt`, `npm ci`, `npm install` with no package), option values (`--root-user-action ignore`, `--index-url URL`), local paths and archives, packages whose variables are unknown, any version specifier, and a version given through a variable that ARG or ENV sets. Deliberate differences from hadolint: `npm install pkg@latest` is reported (DL3016 accepts any `@`), and `pip install -r req.txt flask` still reports `flask` (DL3013 skips the command).',
    rationale:
      'Registry packages change daily and are a favourite target for account takeovers and typosquats. Without a version, each build resolves to whatever was published last, which may be a compromised or breaking release.',
    remediation: 'Pin versions on the command line, or better, install from a lock file (`pip install -r requirements.txt` with hashes, `npm ci`, `bundle install` with Gemfile.lock, `go install pkg@vX.Y.Z`).',
    references: [
      { title: 'pip: secure installs (hash-checking mode)', url: 'https://pip.pypa.io/en/stable/topics/secure-installs/' },
      { title: 'hadolint DL3013', url: 'https://github.com/hadolint/hadolint/wiki/DL3013' },
    ],
    messages: {
      pip: '`{{package}}`{{others}} installed with pip without a version (`{{package}}==<version>`).',
      npm: '`{{package}}`{{others}} installed with npm without a version (`{{package}}@<version>`).',
      gem: '`{{package}}`{{others}} installed with gem without a version (`{{package}}:<version>`).',
      pipx: '`{{package}}`{{others}} installed with pipx without a version (`{{package}}==<version>`).',
      go: '`{{package}}` installed with go without a fixed version (`@vX.Y.Z`).',
    },
    equivalents: [],
    // One hadolint rule per package manager; `# hadolint ignore=DL3013` on a RUN with pip and npm keeps the npm finding.
    messageEquivalents: { pip: ['hadolint:DL3013'], npm: ['hadolint:DL3016'], gem: ['hadolint:DL3028'], go: ['hadolint:DL3062'] },
    examples: {
      bad: ['FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n', 'FROM node:22.11-bookworm-slim\nRUN npm install -g typescript\n'],
      good: ['FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt flask==3.0.3 .\n', 'FROM node:22.11-bookworm-slim\nRUN npm ci && npm install -g typescript@5.6.3\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const { cmd, node } of runCommands(dockerfile)) {
      const install = langInstall(cmd, (text) => dockerfile.expand(node, text));
      const first = install?.unpinned[0];
      if (!install || !first) continue;
      const n = install.unpinned.length - 1;
      report({ messageId: install.manager, data: { package: dockerfile.expand(node, first.value) ?? first.value, ...(install.manager !== 'go' ? { others: n ? ` and ${n} more package${n > 1 ? 's' : ''}` : '' } : {}) }, range: wordRange(file, first) });
    }
  },
});
