// Rendered offsets back to sources: the template offset that wrote each character, and the values node it shows.
import type { Seg } from './eval';
import type { Loc } from './values';

/** The segment holding rendered offset `at` (for an empty range, the one starting there wins). */
export function segAt(segs: readonly Seg[], at: number): Seg | undefined {
  let lo = 0;
  let hi = segs.length - 1;
  let found: Seg | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid]!;
    if (s.end <= at && !(s.start === s.end && s.start === at)) lo = mid + 1;
    else if (s.start > at) hi = mid - 1;
    else {
      found = s;
      if (s.end > at) return s;
      lo = mid + 1;
    }
  }
  return found;
}

/** Template offset for rendered offset `at`: exact inside literal text, the action's start (or end) otherwise. */
function templateOffset(s: Seg, at: number, side: 'start' | 'end'): number | undefined {
  if (!s.src) return undefined;
  if (s.literal) return s.src.start + (at - s.start);
  return side === 'start' ? s.src.start : s.src.end;
}

export interface MappedRange {
  /** The template file and offsets the rendered range came from. */
  file: string;
  start: number;
  end: number;
  /** The values node shown there, when the whole range shows one. */
  value?: Loc;
  /** Where in an included template the text came from. */
  via?: Loc;
  /** The rendered range is literal template text, character for character. */
  literal: boolean;
}

/** Maps a rendered range to the template: narrowest source that wrote it. */
export function mapRange(segs: readonly Seg[], start: number, end: number): MappedRange | undefined {
  const a = segAt(segs, start);
  const b = end > start ? segAt(segs, end - 1) : a;
  if (!a?.src || !b?.src || a.src.file !== b.src.file) return undefined;
  let s = templateOffset(a, start, 'start')!;
  let e = b.literal ? templateOffset(b, end, 'end')! : b.src.end;
  if (e < s) [s, e] = [a.src.start, Math.max(a.src.end, b.src.end)];
  const literal = a === b && !!a.literal;
  const value = a === b || (a.value && b.value && sameLoc(a.value, b.value)) ? a.value : undefined;
  return { file: a.src.file, start: s, end: e, literal, ...(value ? { value } : {}), ...(a.via ? { via: a.via } : {}) };
}

function sameLoc(a: Loc, b: Loc): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}

/** Unknown regions (offsets in the rendered text). */
export function unknownOffsets(segs: readonly Seg[]): number[] {
  return segs.filter((s) => s.unknown).map((s) => s.start);
}
