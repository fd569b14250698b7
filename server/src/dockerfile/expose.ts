// Parses EXPOSE arguments: `80`, `80/tcp`, `8000-8010/udp`, and the invalid host forms BuildKit warns about.
export interface ExposedPort {
  text: string;
  start: number;
  end: number;
  low?: number;
  high?: number;
  protocol?: string;
  /** `host:container` or `ip:host:container` mapping (not valid in EXPOSE). */
  mapping: boolean;
  dynamic: boolean;
}

export function parsePort(text: string, start: number, end: number): ExposedPort {
  const dynamic = text.includes('$');
  const [portPart = '', protocol] = text.split('/');
  const mapping = portPart.includes(':');
  const container = mapping ? portPart.slice(portPart.lastIndexOf(':') + 1) : portPart;
  const m = /^(\d+)(?:-(\d+))?$/.exec(container);
  return {
    text,
    start,
    end,
    ...(m ? { low: Number(m[1]), high: Number(m[2] ?? m[1]) } : {}),
    ...(protocol !== undefined ? { protocol } : {}),
    mapping,
    dynamic,
  };
}
