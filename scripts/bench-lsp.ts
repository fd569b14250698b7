// The editor side of `npm run bench`: the built language server over stdio through the protocol tests' client.
// Keystroke to publishDiagnostics (one didChange per typed character, each waiting for its own version), the first
// diagnostics of a newly opened file, hover latency and typing during a workspace scan, and the server's peak RSS.
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { CompletionRequest, DidChangeTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../test/protocol/client';

export interface LspOptions {
  serverPath: string;
  /** Node options for the server process (the peak-RSS probe, --cpu-prof). */
  execArgv: string[];
}

export interface OpenFile {
  path: string;
  text: string;
  languageId: 'dockerfile' | 'yaml';
}

/** A busy machine can take a minute to lint a 2 MB file; the protocol tests' 15 s would cut the benchmark short. */
const WAIT_MS = 300_000;

/** The probe preloaded into measured processes prints this line as the process exits. */
export const PEAK_RSS_MARK = 'shipshape-bench peak-rss-kb=';

export function peakRssMb(stderr: string): number | undefined {
  const at = stderr.lastIndexOf(PEAK_RSS_MARK);
  if (at < 0) return undefined;
  return parseInt(stderr.slice(at + PEAK_RSS_MARK.length), 10) / 1024;
}

async function withServer<T>(options: LspOptions, body: (server: TestServer, init: InitializeResult) => Promise<T>, folders?: string[]): Promise<{ value: T; peakRssMb: number | undefined }> {
  const { server, init } = await startServer({
    serverPath: options.serverPath,
    execArgv: options.execArgv,
    // Registry lookups stay off: an image hover would otherwise measure the network.
    configuration: (params) => params.items.map((item) => (item.section === 'shipshape' ? { enable: true, registry: { enable: false } } : null)),
    ...(folders ? { workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: f })) } : {}),
  });
  let value: T;
  try {
    value = await body(server, init);
  } finally {
    await server.dispose();
  }
  return { value, peakRssMb: peakRssMb(server.stderr) };
}

/** didOpen → first publishDiagnostics of that version, in ms. */
async function open(server: TestServer, file: OpenFile, version = 1): Promise<number> {
  const uri = pathToFileURL(file.path).href;
  const started = performance.now();
  const published = server.diagnostics(uri, (p) => p.version === version, 'first diagnostics', WAIT_MS);
  await server.open(uri, file.languageId, file.text, version);
  await published;
  return performance.now() - started;
}

/**
 * Types `typed` at the end of line `at` (default: the middle of the file), one incremental didChange per character,
 * and waits for each version's diagnostics before the next keystroke. Returns the latencies in ms.
 */
async function type(server: TestServer, file: OpenFile, typed: string, firstVersion = 2, at?: number): Promise<number[]> {
  const uri = pathToFileURL(file.path).href;
  const lines = file.text.split('\n');
  let line = at ?? Math.floor(lines.length / 2);
  let character = lines[line]!.replace(/\r$/, '').length;
  const samples: number[] = [];
  let version = firstVersion;
  for (const ch of typed) {
    const started = performance.now();
    const published = server.diagnostics(uri, (p) => p.version === version, `version ${version}`, WAIT_MS);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
    });
    await published;
    samples.push(performance.now() - started);
    if (ch === '\n') {
      line++;
      character = 0;
    } else character++;
    version++;
  }
  return samples;
}

/** A new comment line: valid in Dockerfiles and YAML wherever a line ends. */
export const TYPED = '\n# typed one character at a time by the benchmark';

export interface KeystrokeResult {
  label: string;
  path: string;
  /** 0-based line typed at. */
  line: number;
  bytes: number;
  lines: number;
  openMs: number;
  keystrokes: number[];
}

/** Each file in a fresh server: its open time, then keystroke latencies typing at `line` (default: the middle). */
export async function keystrokes(options: LspOptions, files: { label: string; file: OpenFile; line?: number }[]): Promise<KeystrokeResult[]> {
  const out: KeystrokeResult[] = [];
  for (const { label, file, line } of files) {
    const lines = file.text.split('\n').length;
    const { value } = await withServer(options, async (server) => {
      const openMs = await open(server, file);
      return { openMs, keystrokes: await type(server, file, TYPED, 2, line) };
    });
    out.push({ label, path: file.path, line: line ?? Math.floor(lines / 2), bytes: Buffer.byteLength(file.text), lines, ...value });
  }
  return out;
}

/** Opens every file in one server, waiting for each one's diagnostics; the server's peak RSS with all of them open. */
export async function manyOpen(options: LspOptions, files: OpenFile[]): Promise<{ peakRssMb: number | undefined; openMs: number }> {
  const started = performance.now();
  const { peakRssMb } = await withServer(options, async (server) => {
    for (const file of files) await open(server, file);
  });
  return { peakRssMb, openMs: performance.now() - started };
}

export interface ScanResult {
  wallMs: number;
  files: number;
  findings: number;
  peakRssMb: number | undefined;
  hover: number[];
  completion: number[] | undefined;
  keystrokes: number[];
}

/**
 * `shipshape/scanWorkspace` over `folder` while an open Dockerfile is hovered and typed in: how long the scan takes
 * in the server and how long the editor waits meanwhile.
 */
export async function scanWhileEditing(options: LspOptions, folder: string, file: OpenFile): Promise<ScanResult> {
  const { value, peakRssMb } = await withServer(
    options,
    async (server, init) => {
      const uri = pathToFileURL(file.path).href;
      await open(server, file);
      // Hover where the first finding is: the rule's docs, the common hover.
      const first = server.published.find((p) => p.uri === uri && p.diagnostics.length)?.diagnostics[0];
      const position = first?.range.start ?? { line: 0, character: 0 };
      const started = performance.now();
      let done = false;
      const scan = server.connection.sendRequest('shipshape/scanWorkspace', { folders: [pathToFileURL(folder).href] }).then((r) => {
        done = true;
        return r as { files: number; findings: number };
      });
      const hover: number[] = [];
      const completions: number[] = [];
      const typed: number[] = [];
      let version = 2;
      const offersCompletion = init.capabilities.completionProvider !== undefined;
      while (!done) {
        let t = performance.now();
        await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        hover.push(performance.now() - t);
        if (offersCompletion) {
          t = performance.now();
          await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
          completions.push(performance.now() - t);
        }
        if (done) break;
        typed.push(...(await type(server, file, TYPED.slice(0, 2), version)));
        version += 2;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const summary = await scan;
      return { wallMs: performance.now() - started, files: summary.files, findings: summary.findings, hover, completion: offersCompletion ? completions : undefined, keystrokes: typed };
    },
    [folder],
  );
  return { ...value, peakRssMb };
}
