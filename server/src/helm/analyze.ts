// Which template functions a file calls, from its parse tree (used by the corpus report to measure coverage).
import { ALL_FUNCTION_NAMES } from './names';
import { parseTemplate, type Arg, type Node, type Pipe } from './parse';

export function functionUse(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let parsed;
  try {
    parsed = parseTemplate(text, 'file', ALL_FUNCTION_NAMES);
  } catch {
    return counts;
  }
  const arg = (a: Arg): void => {
    if (a.type === 'identifier') counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
    else if (a.type === 'pipe') pipe(a.pipe);
    else if (a.type === 'chain') arg(a.node);
  };
  const pipe = (p: Pipe | undefined): void => p?.cmds.forEach((c) => c.args.forEach(arg));
  const nodes = (list: Node[] | undefined): void =>
    list?.forEach((n) => {
      if (n.type === 'action') pipe(n.pipe);
      else if (n.type === 'if' || n.type === 'with' || n.type === 'range') {
        pipe(n.pipe);
        nodes(n.list);
        nodes(n.elseList);
      } else if (n.type === 'template') pipe(n.pipe);
    });
  nodes(parsed.main.root);
  for (const d of parsed.defines) nodes(d.root);
  return counts;
}
