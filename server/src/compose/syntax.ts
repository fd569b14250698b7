// The short and long syntaxes of `ports`, `volumes` and `environment`, read into one shape each with positions.
import { isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { SourceFile } from '../core/source';
import { asMap, asScalar, asSeq } from '../yaml/nodes';
import { interpolate } from './interpolate';
import { entries, fieldOf, scalarString, type ComposeFile, type ComposeService, type Setting } from './model';

/** Offsets of a one-line scalar's value text in the file (inside quotes); undefined when escapes make it inexact. */
export function valueSpan(file: SourceFile, node: Scalar): { start: number; end: number; quoted: boolean } | undefined {
  const range = node.range;
  const text = scalarString(node);
  if (!range || text === undefined) return undefined;
  const raw = file.text.slice(range[0], range[1]);
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.slice(1, 1 + text.length) === text) return { start: range[0] + 1, end: range[0] + 1 + text.length, quoted: true };
  if (raw.startsWith(text)) return { start: range[0], end: range[0] + text.length, quoted: false };
  return undefined;
}

/** Items of each list-valued setting (own, merged and inherited), with the setting each came from. */
export function listItems(service: ComposeService, key: string): { item: Node; setting: Setting }[] {
  const out: { item: Node; setting: Setting }[] = [];
  for (const setting of service.settings.get(key) ?? []) {
    const seq = asSeq(setting.value, setting.source.doc);
    for (const item of seq?.items ?? []) if (item) out.push({ item: item as Node, setting });
  }
  return out;
}

export interface PortMapping {
  setting: Setting;
  node: Node;
  /** Host address, when one is given; `undefined` means all interfaces. */
  hostIp: string | undefined;
  published: string | undefined;
  target: string;
  long: boolean;
}

/** `[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]`, IPv6 host addresses bracketed or not. */
export function parseShortPort(text: string): { hostIp?: string; published?: string; target: string } | undefined {
  const spec = text.trim().replace(/\/(tcp|udp|sctp)$/i, '');
  if (!spec) return undefined;
  let hostIp: string | undefined;
  let rest = spec;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(spec);
  if (bracket) {
    hostIp = bracket[1]!;
    rest = bracket[2]!;
  }
  const parts = rest.split(':');
  if (!bracket && parts.length > 3) {
    // Unbracketed IPv6: everything before the last two parts is the address.
    hostIp = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  } else if (!bracket && parts.length === 3) {
    hostIp = parts.shift()!;
  }
  if (parts.length === 1) return { ...(hostIp !== undefined ? { hostIp } : {}), target: parts[0]! };
  const published = parts[0]!;
  return { ...(hostIp !== undefined ? { hostIp } : {}), ...(published !== '' ? { published } : {}), target: parts[1]! };
}

export function portsOf(compose: ComposeFile, service: ComposeService): PortMapping[] {
  const out: PortMapping[] = [];
  for (const { item, setting } of listItems(service, 'ports')) {
    const { doc } = setting.source;
    const map = asMap(item, doc);
    if (map) {
      const target = str(compose, fieldOf(map, 'target', doc)?.value);
      if (target === undefined) continue;
      out.push({ setting, node: item, hostIp: str(compose, fieldOf(map, 'host_ip', doc)?.value), published: str(compose, fieldOf(map, 'published', doc)?.value), target, long: true });
      continue;
    }
    const text = str(compose, item);
    const parsed = text === undefined ? undefined : parseShortPort(text);
    if (parsed) out.push({ setting, node: item, hostIp: parsed.hostIp, published: parsed.published, target: parsed.target, long: false });
  }
  return out;
}

/** Whether a host address means every interface. */
export function isAllInterfaces(hostIp: string | undefined): boolean {
  return hostIp === undefined || hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '[::]';
}

/** The first port number of `8080`, `8080-8090`; undefined for anything else. */
export function portNumbers(spec: string | undefined): number[] {
  if (spec === undefined) return [];
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (!m) return [];
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from || to - from > 1000) return [from];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export interface VolumeMount {
  setting: Setting;
  node: Node;
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'other';
  /** Host path (bind) or volume name. */
  source: string | undefined;
  target: string | undefined;
  readOnly: boolean;
  long: boolean;
  /** Short syntax: the mode field (`ro`, `rw,z`); long syntax: undefined. */
  mode?: string;
  /** The long syntax map, for edits. */
  map?: YAMLMap;
}

/** A host path as Compose recognises one in the short syntax: absolute, relative (`./`, `../`), home or Windows. */
export function isHostPath(source: string): boolean {
  return /^(\/|\.\.?($|[\\/])|~($|\/)|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

export function parseShortVolume(text: string): { source?: string; target?: string; mode?: string } {
  const spec = text.trim();
  // A Windows drive letter's colon is not a separator.
  const drive = /^[A-Za-z]:[\\/]/.test(spec) ? 2 : 0;
  const parts = [spec.slice(0, drive) + (spec.slice(drive).split(':')[0] ?? ''), ...spec.slice(drive).split(':').slice(1)];
  if (parts.length === 1) return { target: parts[0]! };
  if (parts.length === 2) return parts[1]!.startsWith('/') || /^[A-Za-z]:[\\/]/.test(parts[1]!) ? { source: parts[0]!, target: parts[1]! } : { target: parts[0]!, mode: parts[1]! };
  return { source: parts[0]!, target: parts[1]!, mode: parts.slice(2).join(':') };
}

export function volumesOf(compose: ComposeFile, service: ComposeService): VolumeMount[] {
  const out: VolumeMount[] = [];
  for (const { item, setting } of listItems(service, 'volumes')) {
    const { doc } = setting.source;
    const map = asMap(item, doc);
    if (map) {
      const source = str(compose, fieldOf(map, 'source', doc)?.value);
      const declared = str(compose, fieldOf(map, 'type', doc)?.value);
      const type = declared === 'bind' || declared === 'volume' || declared === 'tmpfs' || declared === 'npipe' ? declared : declared === undefined ? (source !== undefined && isHostPath(source) ? 'bind' : 'volume') : 'other';
      out.push({ setting, node: item, type, source, target: str(compose, fieldOf(map, 'target', doc)?.value), readOnly: truthy(compose, fieldOf(map, 'read_only', doc)?.value), long: true, map });
      continue;
    }
    const text = str(compose, item);
    if (text === undefined) continue;
    const parsed = parseShortVolume(text);
    const modes = (parsed.mode ?? '').split(',');
    out.push({
      setting,
      node: item,
      type: parsed.source === undefined ? 'volume' : isHostPath(parsed.source) ? 'bind' : 'volume',
      source: parsed.source,
      target: parsed.target,
      readOnly: modes.includes('ro'),
      long: false,
      ...(parsed.mode !== undefined ? { mode: parsed.mode } : {}),
    });
  }
  return out;
}

export interface EnvVar {
  setting: Setting;
  name: string;
  /** Interpolated value; undefined when unset (taken from the shell) or unknown. */
  value: string | undefined;
  /** The value as written, before interpolation. */
  raw: string | undefined;
  /** The item (list syntax) or the value node (map syntax). */
  node: Node;
  /** Offsets of the value text, when exact. */
  valueStart?: number;
  valueEnd?: number;
}

/** `environment:` as a map (`KEY: value`) or a list (`- KEY=value`), own entries shadowing inherited ones. */
export function environmentOf(compose: ComposeFile, service: ComposeService): EnvVar[] {
  const out = new Map<string, EnvVar>();
  for (const setting of service.settings.get('environment') ?? []) {
    const { doc, file } = setting.source;
    const map = asMap(setting.value, doc);
    const found: EnvVar[] = [];
    if (map) {
      for (const e of entries(map, doc)) {
        const scalar = asScalar(e.value, doc);
        const raw = scalarString(scalar);
        const span = scalar ? valueSpan(file, scalar) : undefined;
        found.push({ setting, name: e.key, raw, value: raw === undefined ? undefined : interpolate(raw, compose.env), node: (e.value ?? e.pair.key) as Node, ...(span ? { valueStart: span.start, valueEnd: span.end } : {}) });
      }
    } else {
      for (const item of asSeq(setting.value, doc)?.items ?? []) {
        const scalar = asScalar(item, doc);
        const text = scalarString(scalar);
        if (!scalar || text === undefined) continue;
        const eq = text.indexOf('=');
        const name = (eq < 0 ? text : text.slice(0, eq)).trim();
        const raw = eq < 0 ? undefined : text.slice(eq + 1);
        const span = valueSpan(file, scalar);
        found.push({ setting, name, raw, value: raw === undefined ? undefined : interpolate(raw, compose.env), node: scalar, ...(span && eq >= 0 ? { valueStart: span.start + eq + 1, valueEnd: span.end } : {}) });
      }
    }
    for (const v of found) if (!out.has(v.name)) out.set(v.name, v);
  }
  return [...out.values()];
}

function str(compose: ComposeFile, node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const text = scalarString(node);
  if (text === undefined) return undefined;
  return typeof node.value === 'string' ? interpolate(text, compose.env) : text;
}

function truthy(compose: ComposeFile, node: unknown): boolean {
  if (isScalar(node) && node.value === true) return true;
  return /^(true|yes|on)$/i.test(str(compose, node) ?? '');
}
