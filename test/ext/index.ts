// Extension-host entry in the @vscode/test-electron form: the host loads this module and awaits run().
// Both launchers use it: run-electron.mjs (downloaded VS Code) and run-code-server.mjs (code-server here).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.SHIPSHAPE_EXT_GREP;
  if (grep) mocha.grep(grep);
  const suites = fs.readdirSync(__dirname).filter((f) => f.endsWith('.suite.js')).sort();
  if (suites.length === 0) return Promise.reject(new Error(`no *.suite.js next to ${__filename}`));
  for (const f of suites) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
