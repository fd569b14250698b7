// The spans, words, flags and heredocs of Dockerfile text, shared by the instruction lexer and the shell parser.
export interface Span {
  start: number;
  end: number;
}

/** A Dockerfile-level word: `value` has quotes removed and escapes applied; offsets are document offsets. */
export interface DWord extends Span {
  raw: string;
  value: string;
}

export interface DFlag extends Span {
  name: string;
  value?: string;
  valueStart?: number;
}

export interface Heredoc {
  name: string;
  /** `<<-`: leading tabs are stripped from body lines and the terminator. */
  stripTabs: boolean;
  /** The delimiter was quoted, so the body is not expanded. */
  quoted: boolean;
  marker: Span;
  /** Body lines, without the terminator line. */
  body: Span;
  content: string;
  /** False while the user is still typing the body (no terminator yet). */
  closed: boolean;
}
