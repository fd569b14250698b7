// The Dockerfile model: BuildKit's line splitting (continuations, comments, escaped escapes), heredocs, stages, shells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/core/source';
import { parseDockerfile } from '../../server/src/dockerfile/model';

const model = (text: string) => parseDockerfile(new SourceFile('Dockerfile', text));

test('continuation lines are joined and comment lines inside them dropped, as BuildKit does', () => {
  const m = model('FROM alpine:3.20\nRUN apk add \\\n# a comment\n    curl \\\n\n    git\nUSER 1\n');
  assert.deepEqual(m.nodes.map((n) => n.keyword), ['FROM', 'RUN', 'USER']);
  assert.equal(m.nodes[1]!.text, 'RUN apk add     curl     git');
  assert.equal(m.nodes[2]!.line, 6);
});

test('a line ending in an escaped escape does not continue (dockerfile-ast mis-parse, parser-notes.md)', () => {
  const m = model('# escape=\\\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=x \\\n\tC:\\\\Windows\\\\System32\\\\\n\nENV MONGO_VERSION 7.0.37\n');
  assert.deepEqual(m.nodes.map((n) => n.keyword), ['FROM', 'COPY', 'ENV']);
  assert.equal(m.nodes[1]!.args[0]!.value, 'C:\\Windows\\System32\\');
  assert.equal(m.stages[0]!.windows, true);
});

test('escape=` directive: backslash is literal and backtick continues', () => {
  const m = model('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n  && echo x\n');
  assert.equal(m.escapeChar, '`');
  assert.equal(m.nodes[1]!.text, 'RUN dir C:\\   && echo x');
  assert.deepEqual(m.directives.map((d) => [d.name, d.value]), [['escape', '`']]);
});

test('heredocs: bodies, <<- tab stripping, several per instruction and an unterminated one while typing', () => {
  const m = model('FROM alpine:3.20\nRUN <<-EOF bash\n\techo hi\n\tEOF\nCOPY <<A /a <<"B" /b\na\nA\nb\nB\nRUN <<EOF\nhalf typed\n');
  const [, run, copy, last] = m.nodes;
  assert.deepEqual(run!.heredocs.map((h) => [h.name, h.stripTabs, h.content, h.closed]), [['EOF', true, '\techo hi\n', true]]);
  assert.deepEqual(copy!.heredocs.map((h) => [h.name, h.quoted, h.content]), [['A', false, 'a\n'], ['B', true, 'b\n']]);
  assert.deepEqual(last!.heredocs.map((h) => [h.content, h.closed]), [['half typed\n', false]]);
  assert.equal(m.scriptOf(run!)?.commands.map((c) => c.name).join(','), 'bash,echo');
});

test('stages, parents, final stage, SHELL per stage and exec form', () => {
  const m = model('FROM golang:1.23 AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM build AS test\nRUN ["go", "test"]\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x\n');
  assert.deepEqual(m.stages.map((s) => [s.name, s.parent?.name, s.isFinal, s.windows]), [['build', undefined, false, false], ['test', 'build', false, false], [undefined, undefined, true, true]]);
  const runs = m.nodes.filter((n) => n.keyword === 'RUN');
  assert.deepEqual(m.shellOf(runs[0]!), ['/bin/bash', '-o', 'pipefail', '-c']);
  assert.deepEqual(runs[0]!.json?.map((w) => w.value), ['go', 'test']);
  assert.equal(m.scriptOf(runs[1]!), undefined, 'PowerShell bodies get no shell script');
});

test('ARG/ENV resolution: global ARG for FROM, stage ARG re-import, ENV, unknown stays unknown', () => {
  const m = model('ARG BASE=alpine:3.20\nARG V=1\nFROM ${BASE}\nARG V\nENV HOME_DIR=/app\nWORKDIR ${HOME_DIR}/x\nUSER $UNKNOWN\n');
  assert.equal(m.stages[0]!.image?.resolved, 'alpine:3.20');
  const workdir = m.nodes.find((n) => n.keyword === 'WORKDIR')!;
  assert.equal(m.expand(workdir, '${HOME_DIR}/x:$V'), '/app/x:1');
  assert.equal(m.expand(workdir, '$UNKNOWN'), undefined);
  assert.equal(m.expand(workdir, '${UNKNOWN:-d}'), 'd');
});

test('flags with offsets, ONBUILD triggers, CRLF and BOM', () => {
  const text = '\uFEFFFROM alpine:3.20\r\nRUN --mount=type=secret,id=t,env=T --network=none make\r\nONBUILD COPY --from=b /x /y\r\n';
  const m = model(text);
  const run = m.nodes[1]!;
  assert.deepEqual(run.flags.map((f) => [f.name, f.value]), [['mount', 'type=secret,id=t,env=T'], ['network', 'none']]);
  assert.equal(text.slice(run.flags[1]!.start, run.flags[1]!.end), '--network=none');
  assert.equal(m.scriptOf(run)?.commands[0]?.name, 'make');
  assert.equal(m.nodes[2]!.trigger?.keyword, 'COPY');
  assert.equal(m.nodes[2]!.trigger?.flags[0]?.value, 'b');
});

test('instructions before any FROM form an implicit stage with an unknown base; ARGs before FROM stay global', () => {
  const m = model('ARG V=1\nRUN echo $V\nUSER app\nFROM debian:12 AS b\nRUN true\n');
  assert.deepEqual(m.stages.map((s) => [s.index, s.implicit, s.name, s.image?.text, s.nodes.map((n) => n.keyword)]), [[0, true, undefined, undefined, ['RUN', 'USER']], [1, false, 'b', 'debian:12', ['RUN']]]);
  assert.equal(m.stages[0]!.firstNode.keyword, 'RUN');
  assert.equal(m.stages[0]!.fromNode, undefined);
  assert.equal(m.finalStage?.name, 'b');
  assert.equal(m.globalArgs.get('V'), '1');
  const run = m.nodes[1]!;
  assert.equal(m.stageOf(run), m.stages[0]);
  assert.deepEqual(m.shellOf(run), ['/bin/sh', '-c']);
  assert.equal(m.scriptOf(run)?.commands[0]?.name, 'echo');
  // A fragment with no FROM at all is one implicit, final stage.
  const fragment = model('RUN make\nCMD ["app"]\n');
  assert.deepEqual(fragment.stages.map((s) => [s.implicit, s.isFinal, s.nodes.length]), [[true, true, 2]]);
});

test('ARG defaults expand earlier ARGs; FROM name-${ARG} resolves to a stage of the file', () => {
  const m = model('ARG BASE=alpine\nARG TAG=3.20\nARG IMAGE=${BASE}:${TAG}\nARG VARIANT=slim\nARG UNKNOWN_REF=${NOPE}\nFROM ${IMAGE} AS base-slim\nARG STAGE_A=x\nARG STAGE_B=${STAGE_A}-y\nENV PATH_X=/opt/${STAGE_B}\nRUN true\nFROM base-${VARIANT}\nFROM ${UNKNOWN_REF}\n');
  assert.equal(m.globalArgs.get('IMAGE'), 'alpine:3.20');
  assert.equal(m.stages[0]!.image?.resolved, 'alpine:3.20');
  assert.equal(m.stages[1]!.parent, m.stages[0], 'FROM base-${VARIANT} builds on the stage base-slim');
  assert.equal(m.stages[1]!.image, undefined);
  assert.equal(m.stages[2]!.image?.resolved, undefined, 'a default naming an unknown variable does not resolve');
  const run = m.nodes.find((n) => n.keyword === 'RUN')!;
  assert.equal(m.variable(run, 'STAGE_B'), 'x-y');
  assert.equal(m.variable(run, 'PATH_X'), '/opt/x-y');
});
