// Parses the text of one suppression (ours or a peer's) into rule tokens, reason and expiry; no positions beyond offsets.

/** A token as written, with its offsets inside the parsed text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface OwnSyntax {
  fileLevel: boolean;
  rules: Token[];
  until?: Token;
  reason?: string;
  /** Problems that make the whole suppression void (it then suppresses nothing). */
  problems: string[];
}

const OWN_COMMENT = /^#[ \t]*shipshape-ignore(-file)?(?=[ \t]|$)/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `# shipshape-ignore[-file] <rule>[,<rule>] [until=YYYY-MM-DD] [-- <reason>]`; undefined when the comment is something else. */
export function parseOwnComment(comment: string): OwnSyntax | undefined {
  const m = OWN_COMMENT.exec(comment);
  if (!m) return undefined;
  return { ...parseOwnBody(comment, m[0].length), fileLevel: m[1] !== undefined };
}

/** The part after the keyword, also the value of a `shipshape.dev/ignore` annotation. */
export function parseOwnBody(text: string, from = 0): Omit<OwnSyntax, 'fileLevel'> {
  const body = text.slice(from);
  // `--` separates the reason only when it stands alone, so a rule id can never swallow it.
  const sep = /(?:^|[ \t])--(?=[ \t]|$)/.exec(body);
  const head = sep ? body.slice(0, sep.index) : body;
  const reasonText = sep ? body.slice(sep.index + sep[0].length).trim() : undefined;
  const rules: Token[] = [];
  const problems: string[] = [];
  let until: Token | undefined;
  for (const m of head.matchAll(/[^\s,]+/g)) {
    const token = { text: m[0], start: from + m.index, end: from + m.index + m[0].length };
    if (token.text.startsWith('until=')) {
      const date = token.text.slice('until='.length);
      if (!isValidDate(date)) problems.push(`\`${token.text}\` is not a date: write \`until=YYYY-MM-DD\``);
      else until = { text: date, start: token.start + 'until='.length, end: token.end };
    } else {
      rules.push(token);
    }
  }
  if (rules.length === 0) problems.push('it names no rule: write `shipshape-ignore <rule-id>[,<rule-id>] -- <reason>`');
  return { rules, ...(until ? { until } : {}), ...(reasonText ? { reason: reasonText } : {}), problems };
}

/** A reason the `requireReason` policy accepts: present and not the placeholder the quick fix writes. */
export function isRealReason(reason: string | undefined): boolean {
  return reason !== undefined && reason.trim() !== '' && !/^TODO\b/i.test(reason.trim());
}

export interface PeerSyntax {
  tokens: Token[];
  /** The peer's "every rule" form: `check=skip=all`, `kube-linter.io/ignore-all`. */
  all?: boolean;
  reason?: string;
  until?: string;
  /** hadolint `global` (file) and `stage` (the next stage) pragmas; next instruction otherwise. */
  scope?: 'file' | 'stage';
}

/** `# hadolint ignore=DL3008,DL3013 # reason`, `# hadolint global ignore=…`, `# hadolint stage ignore=…`. */
export function parseHadolint(comment: string): PeerSyntax | undefined {
  const m = /^#[ \t]*hadolint[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=[ \t]*([^#]*?)[ \t]*(?:#[ \t]*(.*))?$/.exec(comment);
  if (!m) return undefined;
  const listStart = m[0].indexOf(m[2]!, m[0].indexOf('='));
  const tokens = [...m[2]!.matchAll(/[A-Za-z0-9]+/g)].map((t) => ({ text: t[0], start: listStart + t.index, end: listStart + t.index + t[0].length }));
  const reason = m[3]?.trim();
  return { tokens, ...(m[1] ? { scope: m[1] === 'global' ? ('file' as const) : ('stage' as const) } : {}), ...(reason ? { reason } : {}) };
}

/** BuildKit's `# check=skip=A,B[;error=true]` parser directive value. */
export function parseBuildkitCheck(value: string, valueOffset: number): PeerSyntax | undefined {
  let at = 0;
  for (const part of value.split(';')) {
    const m = /^([ \t]*skip[ \t]*=[ \t]*)(.*)$/i.exec(part);
    if (m) {
      const listStart = valueOffset + at + m[1]!.length;
      const tokens = [...m[2]!.matchAll(/[^\s,]+/g)].map((t) => ({ text: t[0], start: listStart + t.index, end: listStart + t.index + t[0].length }));
      if (tokens.some((t) => t.text.toLowerCase() === 'all')) return { tokens, all: true };
      return { tokens };
    }
    at += part.length + 1;
  }
  return undefined;
}

/** `#checkov:skip=CKV_K8S_20:reason` (also `bridgecrew:skip=` and `cortex:skip=`), anywhere in a comment. */
export function parseCheckovComment(comment: string): PeerSyntax | undefined {
  const m = /(?:checkov|bridgecrew|cortex):skip=[ \t]*([A-Za-z_\d]+)(?::([^\n]*))?/.exec(comment);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]!, m[0].indexOf('='));
  const reason = m[2]?.trim();
  return { tokens: [{ text: m[1]!, start, end: start + m[1]!.length }], ...(reason ? { reason } : {}) };
}

/** `checkov.io/skip1: CKV_K8S_20=reason` annotation value. */
export function parseCheckovAnnotation(value: string): PeerSyntax | undefined {
  const m = /^[ \t]*([A-Za-z_\d]+)[ \t]*(?:=(.*))?$/s.exec(value);
  if (!m) return undefined;
  const reason = m[2]?.trim();
  const start = value.indexOf(m[1]!);
  return { tokens: [{ text: m[1]!, start, end: start + m[1]!.length }], ...(reason ? { reason } : {}) };
}

/** `#trivy:ignore:<ID>[:exp:YYYY-MM-DD]`. */
export function parseTrivy(comment: string): PeerSyntax | undefined {
  const m = /^#[ \t]*trivy:ignore:([A-Za-z0-9_-]+)(?::exp:(\S+))?/.exec(comment);
  if (!m) return undefined;
  const start = m[0].indexOf(m[1]!);
  return { tokens: [{ text: m[1]!, start, end: start + m[1]!.length }], ...(m[2] ? { until: m[2] } : {}) };
}
