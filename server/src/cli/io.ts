// What the CLI reads and writes, injected so tests run it in process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
}
