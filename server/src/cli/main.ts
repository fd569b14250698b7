// Process entry of the `shipshape` CLI (bundled to dist/cli.js, started by bin/shipshape.js).
import { main, type CliIo } from './cli';

const io: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
};
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
