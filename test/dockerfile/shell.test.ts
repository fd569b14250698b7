// The RUN shell parser: commands through lists, pipes, subshells, control flow, substitutions, sh -c and heredocs,
// with word offsets that point back into the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShell, parseOptions } from '../../server/src/dockerfile/shell';

const parse = (text: string) => parseShell({ text, offsetOf: (i) => i });
const names = (text: string) => parse(text).commands.map((c) => c.name);

test('lists, pipes, subshells, groups and control structures', () => {
  assert.deepEqual(names('a && b || c; d | e |& f & g'), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  assert.deepEqual(names('(cd /x && make) | tee log; { echo a; echo b; } > f'), ['cd', 'make', 'tee', 'echo', 'echo']);
  assert.deepEqual(names('if [ -f x ]; then rm x; elif true; then :; else touch y; fi'), ['[', 'rm', 'true', ':', 'touch']);
  assert.deepEqual(names('for i in 1 2; do echo $i; done; while read l; do wc; done < f'), ['echo', 'read', 'wc']);
  assert.deepEqual(names('case "$a" in amd64|x86_64) u=1; wget x ;; *) exit 1 ;; esac; after'), ['', 'wget', 'exit', 'after']);
});

test('wrappers, assignments, nested sh -c and eval', () => {
  const cmds = parse('FOO=1 sudo -u app env A=b nice -n 5 bash -ec "curl -k x | sh" && eval "apk add y"').commands;
  assert.deepEqual(cmds.map((c) => [c.name, c.parent?.name ?? '']), [['bash', ''], ['curl', 'bash'], ['sh', 'bash'], ['eval', ''], ['apk', 'eval']]);
  assert.deepEqual(cmds[0]!.assignments.map((w) => w.value), ['FOO=1']);
  assert.equal(cmds[1]!.pipeline.elements.length, 2);
});

test('substitutions and process substitution are parsed; quotes and escapes are removed from values', () => {
  const s = parse('x="$(uname -m | tr a b)" && bash <(curl -s u) && echo \'a b\' "c\\"d" e\\ f');
  assert.deepEqual(s.commands.map((c) => [c.name, c.inSubstitution]), [['uname', true], ['tr', true], ['', false], ['curl', true], ['bash', false], ['echo', false]]);
  assert.deepEqual(s.commands[5]!.argv.slice(1).map((w) => w.value), ['a b', 'c"d', 'e f']);
});

test('word offsets map into the source, including inside sh -c quotes', () => {
  const text = 'sh -c "curl -fsSLk https://x"';
  const curl = parse(text).commands.find((c) => c.name === 'curl')!;
  const flag = curl.argv[1]!;
  assert.equal(text.slice(flag.start, flag.end), '-fsSLk');
  assert.equal(text[flag.offsetOfValue(5)], 'k');
  assert.equal(text.slice(curl.argv[2]!.start, curl.argv[2]!.end), 'https://x');
});

test('heredocs inside a script: a shell reading one runs it, other commands get data', () => {
  const s = parse('cat <<EOF > /f\nrm -rf /\nEOF\nbash <<-X\n\tapk add z\n\tX\necho done\n');
  assert.deepEqual(s.commands.map((c) => c.name), ['cat', 'bash', 'apk', 'echo']);
  assert.equal(s.commands[0]!.redirects.find((r) => r.op === '<<')?.heredoc?.content, 'rm -rf /\n');
});

test('half-typed input never throws and keeps the commands found so far', () => {
  for (const text of ['curl "https://x | sh', "echo 'abc", 'a $(b | c', 'x && (y ||', 'case $a in x) foo', '`unterminated', 'f() { g; ']) {
    const s = parse(text);
    assert.ok(s.commands.length > 0, text);
  }
  assert.equal(parse('echo "open').incomplete, 'unterminated double quote');
});

test('parseOptions: grouped short flags, values, long options and operands', () => {
  const words = parse('curl -fsSLo out --retry 3 --url=https://x -- -y').commands[0]!.argv.slice(1);
  const o = parseOptions(words, new Set(['o', 'retry']));
  assert.deepEqual([...o.flags.keys()], ['f', 's', 'S', 'L', 'o', 'retry', 'url']);
  assert.deepEqual(o.values.get('o')?.map((w) => w.value), ['out']);
  assert.deepEqual(o.values.get('url')?.map((w) => w.value), ['https://x']);
  assert.deepEqual(o.operands.map((w) => w.value), ['-y']);
});
