// A Compose file as Docker Compose reads it: services with their effective settings after YAML merge keys and
// `extends` (same file or another file), with the place each setting is written, so a finding lands on the line
// that sets it and names the service that inherits it. Other files come through the injected `ComposeHost`.
import { isMap, isScalar, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { SourceFile } from '../core/source';
import type { FileReader } from '../core/target';
import { asMap, asScalar, deref, keyText, nodeRange, stringItems } from '../yaml/nodes';
import { parseDotEnv, type Env } from './interpolate';
import { dirOf, joinPath } from './paths';


export interface ComposeDiagnostic {
  id: 'shipshape/parse-error' | 'shipshape/yaml-limit';
  range: Range;
  message: string;
}

/** One Compose file parsed: its own document plus what it pulls in through `extends.file`. */
export interface ComposeDoc {
  file: SourceFile;
  doc: Document;
}

/** Where an inherited setting comes from. */
export interface Inheritance {
  /** `merge`: a YAML merge key (`<<: *anchor`); `extends`: the service's `extends`. */
  kind: 'merge' | 'extends';
  /** The service it was inherited from (`extends`). */
  service?: string;
  /** The other file it was inherited from (`extends.file`), as written. */
  file?: string;
}

export interface Setting {
  key: string;
  pair: Pair;
  /** The value, aliases resolved; undefined for `key:` with nothing after it. */
  value: Node | undefined;
  /** The mapping that holds `pair` (an anchor's map when merged), where fixes edit. */
  map: YAMLMap;
  source: ComposeDoc;
  /** Set when the service does not write this itself. */
  via?: Inheritance;
}

export interface ComposeService {
  name: string;
  /** The service's key in `services:`: where findings about a missing setting go. */
  keyRange: Range;
  node: YAMLMap;
  doc: Document;
  profiles: string[];
  /** `extends` key of the service, where findings about settings from another file go. */
  extendsRange?: Range;
  /** Effective settings per key, highest precedence first: the service's own or merged, then each `extends` base. */
  settings: Map<string, Setting[]>;
}

export interface ComposeInclude {
  path: string;
  range: Range;
}

/**
 * One `include:` entry: its paths (several are merged as overrides into one application model), and the project
 * directory and env files that application is read with (defaults: the first path's directory and its `.env`).
 */
interface IncludeEntry {
  paths: ComposeInclude[];
  projectDirectory?: string;
  envFiles?: string[];
}

/** A service another file adds to this project through `include:` (recursively). */
export interface IncludedService {
  service: ComposeService;
  /** The included file's own model (its settings, interpolated with its own project's variables). */
  compose: ComposeFile;
  /** The entry of this file's `include:` that pulls it in, where conflicts are reported. */
  include: ComposeInclude;
}

export interface ComposeFile {
  file: SourceFile;
  doc: Document | undefined;
  root: YAMLMap | undefined;
  services: ComposeService[];
  includes: ComposeInclude[];
  /**
   * Services of files this one pulls in with `include:`, as Docker Compose copies them into the project. Rules run on
   * `services` only (a service's findings land in the file that defines it, which is linted on its own); cross-service
   * references (`network_mode: "service:vpn"`) look here too (`projectService`).
   */
  included: IncludedService[];
  /** Variables from the `.env` beside the file. */
  env: Env;
  /** Reads the files this one refers to; undefined in hosts that cannot (then those parts are unknown). */
  readFile: FileReader | undefined;
  diagnostics: ComposeDiagnostic[];
}

/** Past this many alias expansions a document is refused (alias bombs); real Compose files use a few dozen. */
const MAX_ALIAS_COUNT = 10_000;
const MAX_EXTENDS_DEPTH = 8;
const MAX_INCLUDE_DEPTH = 8;

export interface ParseOptions {
  /** Variables to interpolate with instead of the `.env` beside the file (an included file's project). */
  env?: Env;
  /** Files including this one, outermost first (cycle guard). */
  includedBy?: readonly string[];
}

export function parseCompose(file: SourceFile, readFile?: FileReader, options: ParseOptions = {}): ComposeFile {
  const env = options.env ?? readEnv(file.path, readFile);
  const empty: ComposeFile = { file, doc: undefined, root: undefined, services: [], includes: [], included: [], env, readFile, diagnostics: [] };
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: false, strict: false });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    return { ...empty, doc, diagnostics: [{ id: 'shipshape/parse-error', range: file.rangeOf(err.pos[0], err.pos[1]), message: `YAML syntax error: ${err.message.split('\n')[0]}` }] };
  }
  const root = asMap(doc.contents, doc);
  if (!root) return { ...empty, doc };
  if (tooLarge(doc, file.text)) {
    return { ...empty, doc, diagnostics: [{ id: 'shipshape/yaml-limit', range: nodeRange(file, root.items[0]?.key as Node) ?? file.rangeOf(0, 0), message: 'This file\'s aliases expand too far (an alias bomb?); it was not checked.' }] };
  }
  const self: ComposeDoc = { file, doc };
  const loader = new Loader(self, readFile);
  const services: ComposeService[] = [];
  const servicesMap = asMap(fieldOf(root, 'services', doc)?.value, doc);
  for (const entry of entries(servicesMap, doc)) {
    const node = asMap(entry.value, doc);
    const keyRange = nodeRange(file, entry.pair.key as Node);
    if (!node || !keyRange || entry.via) continue;
    services.push(loader.service(entry.key, node, keyRange));
  }
  const includeList = includeEntries(file, root, doc);
  const own: ComposeFile = { ...empty, doc, root, services, includes: includeList.flatMap((e) => e.paths) };
  return { ...own, ...includeProject(own, includeList, readFile, options.includedBy ?? []) };
}

function readEnv(path: string, readFile: FileReader | undefined): Env {
  return readEnvFiles([joinPath(dirOf(path), '.env')], readFile);
}

/** Variables of env files in order, later files winning; missing files add nothing. */
function readEnvFiles(paths: readonly string[], readFile: FileReader | undefined): Env {
  const env = new Map<string, string>();
  for (const path of paths) {
    const text = readFile?.(path);
    if (text !== undefined) for (const [k, v] of parseDotEnv(text)) env.set(k, v);
  }
  return env;
}

/**
 * Loads every `include:` entry as Docker Compose does: each as its own application (relative paths and the `.env`
 * from its project directory, its own includes recursively), the paths of one entry merged as overrides, then its
 * services copied into this project. A service name the project already has is a conflict Compose refuses.
 */
function includeProject(self: ComposeFile, entries: readonly IncludeEntry[], readFile: FileReader | undefined, includedBy: readonly string[]): Pick<ComposeFile, 'included' | 'diagnostics'> {
  const included: IncludedService[] = [];
  const diagnostics: ComposeDiagnostic[] = [...self.diagnostics];
  const chain = [...includedBy, self.file.path];
  if (!readFile || chain.length > MAX_INCLUDE_DEPTH) return { included, diagnostics };
  const dir = dirOf(self.file.path);
  const defined = new Map<string, string>(self.services.map((s) => [s.name, 'this file']));
  for (const entry of entries) {
    const first = entry.paths[0];
    if (!first) continue;
    const projectDir = entry.projectDirectory !== undefined ? joinPath(dir, entry.projectDirectory) : dirOf(joinPath(dir, first.path));
    const env = readEnvFiles(entry.envFiles ? entry.envFiles.map((f) => joinPath(dir, f)) : [joinPath(projectDir, '.env')], readFile);
    // The paths of one entry are one application: later files override earlier ones service by service.
    const merged = new Map<string, IncludedService>();
    for (const include of entry.paths) {
      const path = joinPath(dir, include.path);
      if (chain.includes(path)) continue;
      const text = readFile(path);
      if (text === undefined) continue;
      const model = parseCompose(new SourceFile(path, text), readFile, { env, includedBy: chain });
      for (const { service, compose } of [...model.services.map((service) => ({ service, compose: model })), ...model.included]) {
        const base = merged.get(service.name);
        merged.set(service.name, { service: base ? overridden(base.service, service) : service, compose, include: base?.include ?? include });
      }
    }
    for (const item of merged.values()) {
      const where = defined.get(item.service.name);
      if (where !== undefined) {
        diagnostics.push({
          id: 'shipshape/parse-error',
          range: item.include.range,
          message: `Service \`${item.service.name}\` from ${item.include.path} conflicts with the one in ${where}; Docker Compose does not merge included services and refuses the project.`,
        });
        continue;
      }
      defined.set(item.service.name, item.include.path);
      included.push(item);
    }
  }
  return { included, diagnostics };
}

/** A service an override file redefines: its settings first (they win), then the base's, as with `extends`. */
function overridden(base: ComposeService, override: ComposeService): ComposeService {
  const settings = new Map(base.settings);
  for (const [key, list] of override.settings) settings.set(key, [...list, ...(base.settings.get(key) ?? [])]);
  return { ...override, settings };
}

class Loader {
  private readonly docs = new Map<string, ComposeDoc | undefined>();

  constructor(
    private readonly self: ComposeDoc,
    private readonly readFile: FileReader | undefined,
  ) {}

  service(name: string, node: YAMLMap, keyRange: Range): ComposeService {
    const { doc } = this.self;
    const settings = this.settingsOf(this.self, name, node, 0, new Set());
    const ext = fieldOf(node, 'extends', doc);
    const extendsRange = ext && ext.via === undefined ? nodeRange(this.self.file, ext.pair.key as Node) : undefined;
    return {
      name,
      keyRange,
      node,
      doc,
      profiles: stringItems(settings.get('profiles')?.[0]?.value, doc).map((p) => p.value),
      ...(extendsRange ? { extendsRange } : {}),
      settings,
    };
  }

  /** Own and merged settings of a service, then (lower precedence) those of what it `extends`. */
  private settingsOf(source: ComposeDoc, name: string, node: YAMLMap, depth: number, seen: Set<string>): Map<string, Setting[]> {
    const out = new Map<string, Setting[]>();
    for (const e of entries(node, source.doc)) {
      out.set(e.key, [{ key: e.key, pair: e.pair, value: e.value, map: e.map, source, ...(e.via ? { via: e.via } : {}) }]);
    }
    const ext = out.get('extends')?.[0];
    seen.add(`${source.file.path}#${name}`);
    if (!ext || depth >= MAX_EXTENDS_DEPTH) return out;
    const target = this.extendsTarget(source, ext);
    if (!target || seen.has(`${target.source.file.path}#${target.name}`)) return out;
    const base = this.settingsOf(target.source, target.name, target.node, depth + 1, seen);
    const fromOtherFile = target.source !== source;
    for (const [key, list] of base) {
      if (key === 'extends') continue;
      const inherited = list.map((s): Setting => ({
        ...s,
        via: { kind: 'extends', service: s.via?.kind === 'extends' ? s.via.service! : target.name, ...(fromOtherFile ? { file: target.written } : s.via?.file ? { file: s.via.file } : {}) },
      }));
      out.set(key, [...(out.get(key) ?? []), ...inherited]);
    }
    return out;
  }

  private extendsTarget(source: ComposeDoc, ext: Setting): { source: ComposeDoc; name: string; node: YAMLMap; written: string } | undefined {
    const { doc } = source;
    let name: string | undefined;
    let fileName: string | undefined;
    const scalar = asScalar(ext.value, doc);
    if (scalar) name = scalarString(scalar);
    else {
      const map = asMap(ext.value, doc);
      name = scalarString(asScalar(fieldOf(map, 'service', doc)?.value, doc));
      fileName = scalarString(asScalar(fieldOf(map, 'file', doc)?.value, doc));
    }
    if (!name) return undefined;
    let target = source;
    if (fileName !== undefined) {
      const loaded = this.load(joinPath(dirOf(source.file.path), fileName));
      if (!loaded) return undefined;
      target = loaded;
    }
    const services = asMap(fieldOf(asMap(target.doc.contents, target.doc), 'services', target.doc)?.value, target.doc);
    const node = asMap(fieldOf(services, name, target.doc)?.value, target.doc);
    return node ? { source: target, name, node, written: fileName ?? target.file.path } : undefined;
  }

  private load(path: string): ComposeDoc | undefined {
    if (path === this.self.file.path) return this.self;
    if (this.docs.has(path)) return this.docs.get(path);
    let loaded: ComposeDoc | undefined;
    const text = this.readFile?.(path);
    if (text !== undefined) {
      const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: false });
      if (!doc.errors.length && !tooLarge(doc, text)) loaded = { file: new SourceFile(path, text), doc };
    }
    this.docs.set(path, loaded);
    return loaded;
  }
}

export interface Entry {
  key: string;
  pair: Pair;
  value: Node | undefined;
  map: YAMLMap;
  via?: Inheritance;
}

/**
 * The effective entries of a mapping, with YAML merge keys applied as Compose (YAML 1.1) applies them: the map's
 * own keys win over merged ones, and among several merged maps the first wins. Last duplicate key wins.
 */
export function entries(map: YAMLMap | undefined, doc: Document, depth = 0): Entry[] {
  if (!map || depth > 16) return [];
  const own = new Map<string, Entry>();
  const merged = new Map<string, Entry>();
  for (const pair of map.items) {
    const key = keyText(pair.key);
    if (key === '<<' && !(isScalar(pair.key) && pair.key.type !== 'PLAIN')) {
      const value = deref(pair.value, doc);
      const sources = value && 'items' in value && !isMap(value) ? (value.items as unknown[]) : [pair.value];
      for (const source of sources) {
        for (const e of entries(asMap(source, doc), doc, depth + 1)) {
          if (!merged.has(e.key)) merged.set(e.key, { ...e, via: e.via ?? { kind: 'merge' } });
        }
      }
      continue;
    }
    if (key === undefined) continue;
    own.set(key, { key, pair, value: deref(pair.value, doc), map });
  }
  for (const [key, e] of merged) if (!own.has(key)) own.set(key, e);
  return [...own.values()];
}

export function fieldOf(map: YAMLMap | undefined, key: string, doc: Document): Entry | undefined {
  return entries(map, doc).find((e) => e.key === key);
}

export function scalarString(s: Scalar | undefined): string | undefined {
  if (!s) return undefined;
  const v = s.value;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function includeEntries(file: SourceFile, root: YAMLMap, doc: Document): IncludeEntry[] {
  const out: IncludeEntry[] = [];
  const include = fieldOf(root, 'include', doc);
  const seq = include?.value && 'items' in include.value && !isMap(include.value) ? (include.value.items as unknown[]) : [];
  for (const item of seq) {
    const map = asMap(item, doc);
    const paths: ComposeInclude[] = [];
    for (const p of map ? stringItems(fieldOf(map, 'path', doc)?.value, doc) : stringItems(item, doc)) {
      const range = nodeRange(file, p.node);
      if (range) paths.push({ path: p.value, range });
    }
    const projectDirectory = map ? stringItems(fieldOf(map, 'project_directory', doc)?.value, doc)[0]?.value : undefined;
    const envFiles = map && fieldOf(map, 'env_file', doc) ? stringItems(fieldOf(map, 'env_file', doc)?.value, doc).map((f) => f.value) : undefined;
    out.push({ paths, ...(projectDirectory !== undefined ? { projectDirectory } : {}), ...(envFiles ? { envFiles } : {}) });
  }
  return out;
}

/**
 * An alias bomb expands a few lines into millions of nodes; the yaml package measures each alias's expansion while
 * converting and throws past `maxAliasCount`, before building anything large.
 */
function tooLarge(doc: Document, text: string): boolean {
  if (!text.includes('*')) return false;
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return false;
  } catch {
    return true;
  }
}
