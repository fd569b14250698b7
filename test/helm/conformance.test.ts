// Go text/template and Sprig conformance: each row is a construct or function with the output Go's and Sprig's
// documentation give for it (including `{{-`/`-}}` whitespace and nindent), rendered through a whole chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderChart } from '../../server/src/helm/chart';

const VALUES = `
name: web
replicas: 3
big: 1000000
ratio: 0.5
enabled: true
off: false
empty: ""
list: [a, b, c]
nested:
  image: {repository: nginx, tag: "1.27"}
  port: 8080
labels: {app: web, tier: front}
yes11: yes
`;

function render(template: string, values = VALUES, extra: Record<string, string> = {}): string {
  const files = new Map<string, string>([['Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 1.2.3\nappVersion: "4.5"\n'], ['values.yaml', values], ['templates/t.yaml', template], ...Object.entries(extra)]);
  const r = renderChart({ root: '/c', files });
  const t = r.templates.find((x) => x.name === 'demo/templates/t.yaml');
  if (r.problems.length) return `PROBLEM ${r.problems[0]!.message} @${r.problems[0]!.start}`;
  if (!t) return 'NO TEMPLATE';
  if (t.error) return `ERROR ${t.error.message} @${t.error.start}`;
  return t.text;
}

const cases: [string, string, string][] = [
  // text/template: actions, trimming, comments
  ['literal text', 'a: 1\n', 'a: 1\n'],
  ['field', '{{ .Values.name }}', 'web'],
  ['trim both sides', 'a  {{- "x" -}}  \n b', 'axb'],
  ['trim left only keeps right space', 'a \n{{- "x" }} b', 'ax b'],
  ['-3 is a number, not a trim marker', '{{-3}}', '-3'],
  ['comment', 'a{{/* hidden */}}b', 'ab'],
  ['trimmed comment', 'a \n {{- /* c */ -}} \n b', 'ab'],
  ['missing key prints nothing', '[{{ .Values.nope }}]', '[]'],
  ['float64 from values prints like Go', '{{ .Values.replicas }} {{ .Values.big }} {{ .Values.ratio }}', '3 1e+06 0.5'],
  ['YAML 1.1 yes is a bool', '{{ .Values.yes11 }}', 'true'],
  ['pipeline passes the last argument', '{{ .Values.name | printf "%s-%s" "x" }}', 'x-web'],
  ['parenthesised pipeline', '{{ (print "a" "b") | upper }}', 'AB'],
  ['variables', '{{ $x := "v" }}{{ $x }}{{ $x = "w" }}{{ $x }}', 'vw'],
  ['$ is the top data', '{{ range .Values.list }}{{ $.Values.name }}{{ end }}', 'webwebweb'],
  ['if / else if / else', '{{ if .Values.off }}a{{ else if .Values.enabled }}b{{ else }}c{{ end }}', 'b'],
  ['if on empty string is false', '{{ if .Values.empty }}a{{ else }}b{{ end }}', 'b'],
  ['with sets dot; else', '{{ with .Values.nested.image }}{{ .repository }}{{ end }}{{ with .Values.nope }}x{{ else }}none{{ end }}', 'nginxnone'],
  ['range over a list with index and value', '{{ range $i, $v := .Values.list }}{{ $i }}={{ $v }};{{ end }}', '0=a;1=b;2=c;'],
  ['range over a map is sorted by key', '{{ range $k, $v := .Values.labels }}{{ $k }}:{{ $v }} {{ end }}', 'app:web tier:front '],
  ['range else on empty', '{{ range .Values.nope }}x{{ else }}empty{{ end }}', 'empty'],
  ['range break and continue', '{{ range .Values.list }}{{ if eq . "b" }}{{ continue }}{{ end }}{{ if eq . "c" }}{{ break }}{{ end }}{{ . }}{{ end }}', 'a'],
  ['range over an integer', '{{ range 3 }}{{ . }}{{ end }}', '012'],
  ['define and template', '{{ define "x" }}[{{ . }}]{{ end }}{{ template "x" "in" }}', '[in]'],
  ['block renders its body', '{{ block "b" "v" }}<{{ . }}>{{ end }}', '<v>'],
  ['and/or return an operand', '{{ and 1 "x" }} {{ or 0 "" "y" }} {{ and 0 "never" }}', 'x y 0'],
  ['not, eq with several, ne, lt, ge', '{{ not .Values.enabled }} {{ eq 2 1 2 }} {{ ne "a" "b" }} {{ lt 1 2 }} {{ ge 2 2 }}', 'false true true true true'],
  ['len counts bytes, index, slice', '{{ len "héllo" }} {{ index .Values.list 1 }} {{ index .Values.labels "app" }} {{ slice .Values.list 1 2 }}', '6 b web [b]'],
  ['print and println', '{{ print 1 2 "a" "b" 3 }}|{{ println "x" 1 }}', '1 2ab3|x 1\n'],
  ['printf verbs', '{{ printf "%d %s %v %q %5.2f %-4s| %03d %t %x" 7 "s" .Values.list "q" 3.14159 "ab" 5 true 255 }}', '7 s [a b c] "q"  3.14 ab  | 005 true ff'],
  ['.Chart, .Release, .Capabilities, .Template', '{{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.IsInstall }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Template.Name }}', 'demo 1.2.3 4.5 release-name default true 1 true demo/templates/t.yaml'],
  ['.Files.Get and Glob', '{{ .Files.Get "files/a.txt" }}|{{ range $p, $_ := .Files.Glob "files/*.txt" }}{{ $p }} {{ end }}|{{ .Files.Get "../etc/passwd" }}', 'hello\n|files/a.txt files/b.txt |'],
  // Sprig strings
  ['default', '{{ .Values.nope | default "d" }} {{ .Values.name | default "d" }} {{ .Values.off | default "x" }} {{ default "solo" }}', 'd web x solo'],
  ['quote and squote', '{{ quote .Values.name }} {{ .Values.replicas | squote }} {{ quote "a\\"b" }}', '"web" \'3\' "a\\"b"'],
  ['indent and nindent', 'a:{{ "x: 1\\ny: 2" | nindent 2 }}\n{{ "z" | indent 4 }}', 'a:\n  x: 1\n  y: 2\n    z'],
  ['trim family', '{{ trim "  a  " }}|{{ trimSuffix "-" "a-" }}|{{ trimPrefix "v" "v1" }}|{{ trimAll "$" "$5$" }}', 'a|a|1|5'],
  ['trunc, upper, lower, title, replace', '{{ trunc 3 "abcdef" }} {{ upper "a" }} {{ lower "B" }} {{ title "hello world" }} {{ replace "." "-" "a.b.c" }}', 'abc A b Hello World a-b-c'],
  ['contains, hasPrefix, hasSuffix', '{{ contains "b" "abc" }} {{ hasPrefix "a" "abc" }} {{ hasSuffix "x" "abc" }}', 'true true false'],
  ['cat, repeat, join, split, splitList', '{{ cat "a" 1 nil "b" }} {{ repeat 2 "ab" }} {{ join "," .Values.list }} {{ (split "." "a.b")._1 }} {{ splitList "," "x,y" }}', 'a 1 b abab a,b,c b [x y]'],
  ['b64enc, b64dec, sha256sum', '{{ b64enc "hi" }} {{ b64dec "aGk=" }} {{ sha256sum "a" | trunc 8 }}', 'aGk= hi ca978112'],
  ['regexMatch, regexFind, regexReplaceAll', '{{ regexMatch "^[a-z]+$" "abc" }} {{ regexFind "[0-9]+" "ab123c" }} {{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}', 'true 123 -W-xxW-'],
  ['toString, int, atoi, float64', '{{ toString 5 }} {{ int "42" }} {{ int 3.9 }} {{ atoi "7" }} {{ float64 "1.5" }}', '5 42 3 7 1.5'],
  ['math', '{{ add 1 2 3 }} {{ sub 5 2 }} {{ mul 2 3 }} {{ div 7 2 }} {{ mod 7 2 }} {{ add1 1 }} {{ max 1 5 3 }} {{ min 4 2 }}', '6 3 6 3 1 2 5 2'],
  // Sprig logic, lists and dicts
  ['empty, coalesce, ternary', '{{ empty "" }} {{ empty .Values.list }} {{ coalesce .Values.nope "" "c" }} {{ ternary "y" "n" true }} {{ true | ternary "y" "n" }}', 'true false c y y'],
  ['list, first, last, rest, initial, append, prepend, concat, uniq, has, without', '{{ list 1 2 }} {{ first .Values.list }} {{ last .Values.list }} {{ rest .Values.list }} {{ initial .Values.list }} {{ append .Values.list "d" }} {{ prepend .Values.list "z" }} {{ concat (list 1) (list 2) }} {{ uniq (list 1 1 2) }} {{ has "b" .Values.list }} {{ without .Values.list "a" }}', '[1 2] a c [b c] [a b] [a b c d] [z a b c] [1 2] [1 2] true [b c]'],
  ['until, untilStep, seq', '{{ until 3 }} {{ untilStep 0 6 2 }} {{ seq 3 }}', '[0 1 2] [0 2 4] 1 2 3'],
  ['dict, get, set, unset, hasKey, keys, pluck, pick, omit', '{{ $d := dict "a" 1 "b" 2 }}{{ get $d "a" }} {{ $_ := set $d "c" 3 }}{{ hasKey $d "c" }} {{ keys $d | sortAlpha }} {{ $_ := unset $d "a" }}{{ $d }} {{ pluck "b" $d (dict "b" 9) }} {{ pick $d "b" }} {{ omit $d "b" }}', '1 true [a b c] map[b:2 c:3] [2 9] map[b:2] map[c:3]'],
  ['merge keeps, mergeOverwrite replaces', '{{ merge (dict "a" 1) (dict "a" 2 "b" 3) }} {{ mergeOverwrite (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "n" (dict "y" 2)) }}', 'map[a:1 b:3] map[a:2 n:map[x:1 y:2]]'],
  ['dig', '{{ dig "nested" "image" "tag" "none" .Values }} {{ dig "nested" "nope" "none" .Values }}', '1.27 none'],
  ['typeOf, kindIs, kindOf', '{{ typeOf .Values.replicas }} {{ typeOf 1 }} {{ kindIs "map" .Values.labels }} {{ kindOf .Values.list }} {{ typeOf .Values.name }}', 'float64 int64 true slice string'],
  ['semverCompare', '{{ semverCompare ">=1.21-0" "v1.31.0" }} {{ semverCompare "<1.19" "1.31.0" }} {{ semverCompare "^1.2.0" "1.9.1" }} {{ semverCompare "~1.2.0" "1.3.0" }}', 'true false true false'],
  ['deepCopy, toJson, toPrettyJson', '{{ toJson (deepCopy .Values.labels) }} {{ toJson (list 1 "a" true) }}', '{"app":"web","tier":"front"} [1,"a",true]'],
  // Helm
  ['toYaml sorts keys and trims the final newline', '{{ toYaml .Values.nested }}', 'image:\n  repository: nginx\n  tag: "1.27"\nport: 8080'],
  ['toYaml: a list under a key (yaml.v2 style), YAML 1.1 booleans quoted even as keys', '{{ toYaml (dict "l" .Values.list "e" (dict) "n" nil "s" "true") }}', 'e: {}\nl:\n- a\n- b\n- c\n"n": null\ns: "true"'],
  ['toYaml | nindent', 'spec:{{ toYaml .Values.nested.image | nindent 2 }}', 'spec:\n  repository: nginx\n  tag: "1.27"'],
  ['fromYaml, fromYamlArray', '{{ (fromYaml "a: 1").a }} {{ fromYamlArray "[1, 2]" }}', '1 [1 2]'],
  ['include returns a string that can be piped', '{{ define "n" }}{{ .Values.name }}-x{{ end }}{{ include "n" . | upper | quote }}', '"WEB-X"'],
  ['tpl renders a string against data', '{{ tpl "{{ .Values.name }}!" . }}', 'web!'],
  ['required passes a value through', '{{ required "need it" .Values.name }}', 'web'],
  ['lookup returns an empty map without a cluster', '{{ lookup "v1" "Secret" "ns" "n" }}|{{ if lookup "v1" "Secret" "ns" "n" }}x{{ end }}', 'map[]|'],
  // Errors at the command that failed, as `helm template` reports them (line:col of the command)
  ['required fails with its message', 'a\n{{ required "set .Values.x" .Values.x }}', 'ERROR error calling required: set .Values.x @5'],
  ['fail', '{{ fail "stop" }}', 'ERROR error calling fail: stop @3'],
  ['a field of a missing map is a nil pointer error', 'x: {{ .Values.nope.deeper }}', 'ERROR nil pointer evaluating interface {}.deeper @6'],
  ['(missing).field is nil-safe', '[{{ (.Values.nope).deeper }}]', '[]'],
  ['undefined template', '{{ include "nope" . }}', 'ERROR template: no template "nope" associated with template "gotpl" @3'],
  ['unknown function is a parse error', 'ok\n{{ frobnicate 1 }}', 'PROBLEM function "frobnicate" not defined @6'],
  ['unclosed action', 'a {{ .Values.name', 'PROBLEM unclosed action @2'],
  ['unexpected end', '{{ end }}', 'PROBLEM unexpected {{end}} @0'],
  ['unterminated if', '{{ if true }}x', 'PROBLEM unexpected EOF @14'],
  ['undefined variable', '{{ $nope }}', 'PROBLEM undefined variable "$nope" @3'],
];

for (const [name, template, expected] of cases) {
  test(`conformance: ${name}`, () => {
    assert.equal(render(template, VALUES, { 'files/a.txt': 'hello\n', 'files/b.txt': 'b' }), expected);
  });
}

test('limits: a range over a huge list or runaway recursion ends with an error, not a hang', () => {
  assert.match(render('{{ range until 100000000 }}x{{ end }}'), /^ERROR .*1000000 elements/);
  assert.match(render('{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}'), /^ERROR .*nested reference/);
  assert.match(render('{{ range until 900000 }}{{ range until 900000 }}x{{ end }}{{ end }}'), /^ERROR .*limit exceeded/);
});

test('unknown: functions that are not evaluated (random, clock) leave an unknown region, never a value', () => {
  const files = new Map([['Chart.yaml', 'name: d\nversion: 1.0.0\n'], ['values.yaml', ''], ['templates/t.yaml', 'a: {{ randAlphaNum 5 }}\n{{ if now }}b: 1{{ end }}\n']]);
  const t = renderChart({ root: '/c', files }).templates[0]!;
  assert.equal(t.text, 'a: \n\n');
  assert.deepEqual(t.segs.filter((s) => s.unknown).map((s) => [s.start, s.unknown]), [[3, 'function randAlphaNum is not evaluated'], [4, 'function now is not evaluated']]);
});
