// A secret build argument consumed by RUN, where a secret mount would keep it out of the image history.
import type { TextEdit } from 'vscode-languageserver-types';
import { dockerfileRule } from '../../dockerfile/rule';
import { argPairs } from '../../dockerfile/model';
import { runScripts } from '../../dockerfile/query';
import { secretNameWord } from '../../dockerfile/secrets';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/use-secret-mount',
    target: 'dockerfile',
    title: 'Build secret passed as ARG instead of a secret mount',
    severity: 'warning',
    description:
      'Reports each place a `RUN` expands a secret-named build argument (`$NPM_TOKEN`). Offers to read it from a secret mount instead (`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN`, Dockerfile syntax 1.10+) and to drop the `ARG`.',
    rationale:
      'The value of every ARG a RUN uses is written into the image history (`docker history --no-trunc`) and the build cache key, so the token can be read by anyone with the image or the cache. A secret mount exposes it to that one step only and records nothing.',
    remediation: 'Replace the ARG with `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN …` and build with `docker build --secret id=npm_token,env=NPM_TOKEN .`.',
    references: [
      { title: 'Docker: build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
      { title: 'Dockerfile reference: RUN --mount=type=secret', url: 'https://docs.docker.com/reference/dockerfile/#run---mounttypesecret' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.10: do not store secrets in Dockerfiles'] },
    fix: 'suggestion',
    messages: {
      argInRun: 'Secret build argument `{{name}}` is used by RUN and lands in the image history; read it from a secret mount.',
      useSecretMount: 'Read `{{name}}` from a secret mount (`--mount=type=secret,id={{id}},env={{name}}`)',
    },
    equivalents: [],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n'],
      good: ['FROM node:22.11-bookworm-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n'],
    },
  },
  check({ file, dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const declared = new Map<string, { node: (typeof stage.nodes)[number]; only: boolean }>();
      for (const node of stage.nodes) {
        if (node.keyword !== 'ARG') continue;
        const pairs = argPairs(node);
        for (const kv of pairs) if (secretNameWord(kv.key)) declared.set(kv.key, { node, only: pairs.length === 1 });
      }
      if (!declared.size) continue;
      const runs = runScripts(dockerfile).filter((r) => r.stage === stage && r.node.trigger === undefined);
      for (const [name, arg] of declared) {
        const re = new RegExp(`\\$(?:\\{${name}(?:[:#%/-][^}]*)?\\}|${name}(?![A-Za-z0-9_]))`, 'g');
        const probe = new RegExp(re.source);
        const mounted = (r: (typeof runs)[number]): boolean =>
          r.node.flags.some((f) => f.name === 'mount' && /(^|,)type=secret(,|$)/.test(f.value ?? '') && new RegExp(`(^|,)(env|id)=${name}(,|$)`, 'i').test(f.value ?? ''));
        const users = runs.filter((r) => r.node.start > arg.node.start && !mounted(r) && (probe.test(r.node.text) || r.node.heredocs.some((h) => probe.test(h.content))));
        for (const run of users) {
          const node = run.node;
          const id = name.toLowerCase();
          const edits: TextEdit[] = [];
          const after = node.keywordSpan.end;
          edits.push({ range: file.rangeOf(after, after), newText: ` --mount=type=secret,id=${id},env=${name}` });
          if (arg.only && users.length === 1) {
            const lineStart = file.lineStartOffset(arg.node.line);
            const next = file.lineStartOffset(file.positionAt(arg.node.end).line + 1);
            edits.push({ range: file.rangeOf(lineStart, next > lineStart ? next : arg.node.end), newText: '' });
          }
          const hits: [number, number][] = [];
          re.lastIndex = 0;
          for (let m = re.exec(node.text); m; m = re.exec(node.text)) hits.push([node.offsetOf(m.index), node.offsetOf(m.index + m[0].length - 1) + 1]);
          for (const h of node.heredocs) {
            re.lastIndex = 0;
            for (let m = re.exec(h.content); m; m = re.exec(h.content)) hits.push([h.body.start + m.index, h.body.start + m.index + m[0].length]);
          }
          const [first] = hits;
          if (!first) continue;
          report({
            messageId: 'argInRun',
            data: { name },
            range: file.rangeOf(first[0], first[1]),
            suggestions: [{ messageId: 'useSecretMount', data: { name, id }, edits }],
          });
        }
      }
    }
  },
});
