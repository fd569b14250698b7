// apt-get install pulling in recommended packages nobody asked for.
import { dockerfileRule } from '../../dockerfile/rule';
import { osInstall } from '../../dockerfile/packages';
import { runScripts, wordRange } from '../../dockerfile/query';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/apt-no-install-recommends',
    target: 'dockerfile',
    title: 'apt-get install without --no-install-recommends',
    severity: 'info',
    description:
      'Reports `apt-get install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`), unless the stage configures `APT::Install-Recommends "false"` itself. Offers to add the flag.',
    rationale:
      'Recommended packages are not needed to run the software but roughly double what apt installs; every extra package is attack surface, more CVEs to triage and a larger image.',
    remediation: 'Add `--no-install-recommends` and list any recommended package you really need explicitly.',
    references: [
      { title: 'Docker: apt-get best practices', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' },
      { title: 'hadolint DL3015', url: 'https://github.com/hadolint/hadolint/wiki/DL3015' },
    ],
    fix: 'suggestion',
    standards: { cis: ['CIS Docker Benchmark 4.3: do not install unnecessary packages in the container'] },
    messages: {
      recommends: '`apt-get install` also installs recommended packages; add `--no-install-recommends`.',
      addFlag: 'Add `--no-install-recommends`',
    },
    equivalents: ['hadolint:DL3015', 'trivy:DS-0029'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get install -y curl\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
    },
  },
  check({ file, dockerfile, report }) {
    const configured = new Set(
      runScripts(dockerfile)
        .filter((r) => /Install-Recommends\W+("?)(false|0)\1/i.test(r.node.text) || r.node.heredocs.some((h) => /Install-Recommends\W+("?)(false|0)\1/i.test(h.content)))
        .map((r) => r.stage),
    );
    for (const { stage, script } of runScripts(dockerfile)) {
      let inherited = false;
      for (let s: typeof stage | undefined = stage; s; s = s.parent) if (configured.has(s)) inherited = true;
      if (inherited) continue;
      for (const cmd of script.commands) {
        if (cmd.name !== 'apt-get') continue;
        const install = osInstall(cmd);
        if (!install) continue;
        const o = install.options;
        if (o.flags.has('no-install-recommends')) continue;
        if ([...(o.values.get('o') ?? []), ...(o.values.get('option') ?? [])].some((w) => /^APT::Install-Recommends=(false|0|no)$/i.test(w.value))) continue;
        const at = install.verb.end;
        report({ messageId: 'recommends', range: wordRange(file, install.verb), suggestions: [{ messageId: 'addFlag', edits: [{ range: file.rangeOf(at, at), newText: ' --no-install-recommends' }] }] });
      }
    }
  },
});
