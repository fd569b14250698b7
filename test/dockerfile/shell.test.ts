// The RUN shell parser: commands through lists, pipes, subshells, control flow, substitutions, sh -c and heredocs,
// with word offsets that point back into the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, enablesPipefail, isShellName, parseShell, parseOptions } from '../../server/src/dockerfile/shell';

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

test('incomplete syntax is flagged: a pipe or && with nothing after it, unterminated quotes in nested scripts', () => {
  for (const [text, problem] of [
    ['curl https://example.com/x | && echo', 'a pipe with no command after it'],
    ['curl https://example.com/x |', 'a pipe with no command after it'],
    ['apt-get update &&', '`&&` with no command after it'],
    ['make || ', '`||` with no command after it'],
    ['make && ;', '`&&` with no command after it'],
    ["bash -c 'curl x | '", 'a pipe with no command after it'],
    ['echo "$(curl x |)"', 'a pipe with no command after it'],
    ["sh -c 'echo \"open'", 'unterminated double quote'],
  ] as const) {
    assert.equal(parse(text).incomplete, problem, text);
  }
  for (const text of ['a | b && c || d; e', 'a |\n  b', 'a &&\n b', 'for x in 1; do echo $x; done | sort', 'a | # c\n b', 'x=$(a | b) && y']) {
    assert.equal(parse(text).incomplete, undefined, text);
  }
});

test('one shell vocabulary: shell names, basename and enablesPipefail', () => {
  assert.deepEqual(['sh', '/bin/bash', '/usr/bin/dash', 'busybox', 'pwsh', 'cmd'].map((n) => isShellName(n)), [true, true, true, false, false, false]);
  assert.equal(isShellName('/bin/busybox', { busybox: true }), true);
  assert.deepEqual([basename('/bin/sh'), basename('C:\\Windows\\cmd.exe'), basename('sh')], ['sh', 'cmd.exe', 'sh']);
  for (const args of [['-o', 'pipefail'], ['-eo', 'pipefail'], ['-Eeuo', 'pipefail', '-c'], ['-eux', '-o', 'pipefail'], ['-o', 'errexit', '-o', 'pipefail'], ['-oe', 'pipefail']]) {
    assert.equal(enablesPipefail(args), true, args.join(' '));
  }
  for (const args of [['-e'], ['-c', '-o', 'pipefail'], ['-o', 'pipefail', '+o', 'pipefail'], ['-o', 'errexit', 'pipefail'], ['pipefail'], ['-ec', '-o', 'pipefail']]) {
    assert.equal(enablesPipefail(args), false, args.join(' '));
  }
});

test('parseOptions keeps offsets of option values inside a word (`--output=f`, `-ofile`)', () => {
  const text = 'curl --output=/tmp/f -ofile -sH k https://x';
  const words = parse(text).commands[0]!.argv.slice(1);
  const o = parseOptions(words, new Set(['o', 'output', 'H']));
  const [long, short] = [o.values.get('output')![0]!, o.values.get('o')![0]!];
  assert.deepEqual([long.value, text.slice(long.start, long.end), long.offsetOfValue(1)], ['/tmp/f', '/tmp/f', text.indexOf('/tmp/f') + 1]);
  assert.deepEqual([short.value, text.slice(short.start, short.end)], ['file', 'file']);
  assert.deepEqual(o.values.get('H')?.map((w) => w.value), ['k']);
  assert.equal(o.flags.has('k'), false, '`-sH k`: k is the header value, not -k');
  assert.deepEqual(o.list.map((r) => [r.name, r.index]), [['output', 2], ['o', 1], ['s', 1], ['H', 2]]);
});
