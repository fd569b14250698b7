// The Compose model: merge keys, extends (same and other file), interpolation with .env, short and long syntaxes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/core/source';
import { parseCompose } from '../../server/src/compose/model';
import { interpolate, parseDotEnv } from '../../server/src/compose/interpolate';
import { environmentOf, parseShortPort, parseShortVolume, portsOf, volumesOf } from '../../server/src/compose/syntax';
import { lookup, rangeFor, setting, via } from '../../server/src/compose/service';
import { dirOf, joinPath } from '../../server/src/compose/paths';


function parse(text: string, files: Record<string, string> = {}, path = '/p/compose.yaml') {
  return parseCompose(new SourceFile(path, text), (p) => files[p]);
}

const at = (r: { start: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}`;

test('interpolation: defaults, required, unknown and escapes', () => {
  const env = new Map([['TAG', '1.2'], ['EMPTY', '']]);
  const cases: [string, string | undefined][] = [
    ['nginx:${TAG}', 'nginx:1.2'],
    ['nginx:$TAG', 'nginx:1.2'],
    ['nginx:${MISSING:-latest}', 'nginx:latest'],
    ['nginx:${EMPTY:-latest}', 'nginx:latest'],
    ['nginx:${EMPTY-latest}', 'nginx:'],
    ['nginx:${MISSING}', undefined],
    ['nginx:${MISSING?tag required}', undefined],
    ['nginx:${TAG:?tag required}', 'nginx:1.2'],
    ['${MISSING:-${TAG}}', '1.2'],
    ['$$HOME', '$HOME'],
    ['price: 5$', 'price: 5$'],
  ];
  for (const [text, want] of cases) assert.equal(interpolate(text, env), want, text);
});

test('.env: comments, export, quotes and earlier values', () => {
  const env = parseDotEnv('# c\nexport A=1\nB="two words" \nC=\'${A}\'\nD=${A}x # note\nE=\n');
  assert.deepEqual(Object.fromEntries(env), { A: '1', B: 'two words', C: '${A}', D: '1x', E: '' });
});

test('services: merge keys apply, own keys win, provenance names the merge', () => {
  const c = parse('x-base: &base\n  privileged: true\n  user: root\nservices:\n  web:\n    <<: *base\n    user: app\n    image: nginx:1.27\n');
  const web = c.services[0]!;
  assert.equal(web.name, 'web');
  const priv = setting(web, 'privileged')!;
  assert.equal(String(priv.value), 'true');
  assert.equal(at(rangeFor(c, web, priv)), '2:15');
  assert.equal(via(priv), ', through a merge key');
  assert.equal(String(setting(web, 'user')!.value), 'app');
  assert.equal(via(setting(web, 'user')), '');
});

test('extends in the same file and from another file, with ranges in this file', () => {
  const files = { '/p/common.yml': 'services:\n  hardened:\n    cap_drop: [ALL]\n    privileged: true\n' };
  const c = parse(
    'services:\n  base:\n    image: nginx:1.27\n    cap_add: [NET_ADMIN]\n  web:\n    extends: base\n    cap_add: [CHOWN]\n  api:\n    extends:\n      file: common.yml\n      service: hardened\n',
    files,
  );
  const web = c.services.find((s) => s.name === 'web')!;
  assert.deepEqual((web.settings.get('cap_add') ?? []).map((s) => [String(s.value), via(s)]), [
    ['["CHOWN"]', ''],
    ['["NET_ADMIN"]', ', inherited from service `base`'],
  ]);
  assert.equal(String(setting(web, 'image')!.value), 'nginx:1.27');
  const api = c.services.find((s) => s.name === 'api')!;
  const priv = setting(api, 'privileged')!;
  assert.equal(via(priv), ', inherited from service `hardened` in common.yml');
  assert.equal(at(rangeFor(c, api, priv)), '9:5', 'a setting from another file is reported on `extends`');
});

test('extends cycles and missing files are harmless', () => {
  const c = parse('services:\n  a:\n    extends: b\n  b:\n    extends: a\n    privileged: true\n  c:\n    extends: {file: missing.yml, service: x}\n');
  assert.equal(String(setting(c.services[0]!, 'privileged')!.value), 'true');
  assert.equal(setting(c.services[2]!, 'privileged'), undefined);
});

test('nested lookups through deploy blocks and merge keys', () => {
  const c = parse('x-limits: &limits\n  limits:\n    memory: 512M\nservices:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        <<: *limits\n');
  const hit = lookup(c.services[0]!, ['deploy', 'resources', 'limits', 'memory']);
  assert.equal(String(hit?.entry.value), '512M');
});

test('ports: short and long syntax, host addresses', () => {
  const cases: [string, ReturnType<typeof parseShortPort>][] = [
    ['3000', { target: '3000' }],
    ['8000:8000', { published: '8000', target: '8000' }],
    ['127.0.0.1:5432:5432', { hostIp: '127.0.0.1', published: '5432', target: '5432' }],
    ['127.0.0.1::5432', { hostIp: '127.0.0.1', target: '5432' }],
    ['[::1]:6001:6001/udp', { hostIp: '::1', published: '6001', target: '6001' }],
    ['::1:6000:6000', { hostIp: '::1', published: '6000', target: '6000' }],
    ['9090-9091:8080-8081', { published: '9090-9091', target: '8080-8081' }],
  ];
  for (const [text, want] of cases) assert.deepEqual(parseShortPort(text), want, text);
  const c = parse('services:\n  db:\n    image: postgres\n    ports:\n      - "${PG:-5433}:5432"\n      - target: 80\n        host_ip: 127.0.0.1\n      - 5432\n');
  assert.deepEqual(portsOf(c, c.services[0]!).map((p) => [p.hostIp, p.published, p.target, p.long]), [
    [undefined, '5433', '5432', false],
    ['127.0.0.1', undefined, '80', true],
    [undefined, undefined, '5432', false],
  ]);
});

test('volumes: binds, named volumes, modes and long syntax', () => {
  assert.deepEqual(parseShortVolume('/var/run/docker.sock:/var/run/docker.sock:ro'), { source: '/var/run/docker.sock', target: '/var/run/docker.sock', mode: 'ro' });
  assert.deepEqual(parseShortVolume('data:/data'), { source: 'data', target: '/data' });
  assert.deepEqual(parseShortVolume('/data'), { target: '/data' });
  assert.deepEqual(parseShortVolume('C:\\data:/data'), { source: 'C:\\data', target: '/data' });
  const c = parse('services:\n  a:\n    image: x\n    volumes:\n      - ./src:/src:ro,z\n      - db:/var/lib/db\n      - type: bind\n        source: /etc\n        target: /host\n        read_only: true\n');
  assert.deepEqual(volumesOf(c, c.services[0]!).map((v) => [v.type, v.source, v.readOnly]), [
    ['bind', './src', true],
    ['volume', 'db', false],
    ['bind', '/etc', true],
  ]);
});

test('environment: list and map syntax, values interpolated from .env, own entries shadow inherited ones', () => {
  const c = parse(
    'services:\n  base:\n    image: x\n    environment:\n      A: base\n      B: base\n  web:\n    extends: base\n    environment:\n      - A=${A_VALUE}\n      - C\n',
    { '/p/.env': 'A_VALUE=from-dotenv\n' },
  );
  const web = c.services.find((s) => s.name === 'web')!;
  assert.deepEqual(environmentOf(c, web).map((e) => [e.name, e.value, e.raw]), [
    ['A', 'from-dotenv', '${A_VALUE}'],
    ['C', undefined, undefined],
    ['B', 'base', 'base'],
  ]);
});

test('profiles, include and bad input', () => {
  const c = parse('include:\n  - ./db.yaml\n  - path: [../x.yaml]\nservices:\n  debug:\n    image: busybox\n    profiles: [debug]\n');
  assert.deepEqual(c.services[0]!.profiles, ['debug']);
  assert.deepEqual(c.includes.map((i) => i.path), ['./db.yaml', '../x.yaml']);
  assert.equal(parse('services: [a, b]\n').services.length, 0);
  assert.equal(parse('services:\n  web: {image: x\n').diagnostics[0]?.id, 'shipshape/parse-error');
  const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\nservices:\n  web:\n    image: x\n`;
  assert.equal(parse(bomb).diagnostics[0]?.id, 'shipshape/yaml-limit');
});

test('paths: POSIX, Windows and URIs', () => {
  assert.equal(joinPath(dirOf('/p/compose.yaml'), '../base/Dockerfile'), '/base/Dockerfile');
  assert.equal(joinPath(dirOf('file:///w/app%20x/compose.yaml'), './api/Dockerfile'), 'file:///w/app%20x/api/Dockerfile');
  assert.equal(joinPath(dirOf('C:\\w\\compose.yaml'), 'api\\Dockerfile'), 'C:\\w\\api\\Dockerfile');
});

test('include: services of included files join the project with their own project directory and .env; conflicts are reported', () => {
  const files: Record<string, string> = {
    '/p/db/compose.yaml': 'include:\n  - ../cache.yaml\nservices:\n  db:\n    image: postgres:${PG}\n',
    '/p/db/.env': 'PG=16\n',
    '/p/.env': 'PG=9\n',
    '/p/cache.yaml': 'services:\n  cache:\n    image: redis:7\n',
    '/p/web.yaml': 'services:\n  web:\n    image: nginx:1\n',
    '/p/web.override.yaml': 'services:\n  web:\n    read_only: true\n',
    '/p/other.yaml': 'services:\n  api:\n    image: other:1\n',
    '/p/vars/app.env': 'PG=15\n',
    '/p/loop.yaml': 'include:\n  - compose.yaml\nservices:\n  looped:\n    image: x:1\n',
  };
  const compose = parse(
    'include:\n  - db/compose.yaml\n  - path: [web.yaml, web.override.yaml]\n  - path: other.yaml\n    env_file: vars/app.env\n  - missing.yaml\n  - loop.yaml\nservices:\n  api:\n    image: app:1\n',
    files,
  );
  assert.deepEqual(compose.services.map((s) => s.name), ['api'], 'rules run on this file\'s own services only');
  assert.deepEqual(compose.included.map((i) => [i.service.name, i.compose.file.path, i.include.path]), [
    ['db', '/p/db/compose.yaml', 'db/compose.yaml'],
    ['cache', '/p/cache.yaml', 'db/compose.yaml'],
    ['web', '/p/web.override.yaml', 'web.yaml'],
    ['looped', '/p/loop.yaml', 'loop.yaml'],
  ]);
  const db = compose.included[0]!;
  assert.equal(db.compose.env.get('PG'), '16', 'the included project reads the .env of its own directory');
  const web = compose.included[2]!.service;
  assert.deepEqual([setting(web, 'image')?.source.file.path, setting(web, 'read_only')?.source.file.path], ['/p/web.yaml', '/p/web.override.yaml'], 'paths of one entry merge as overrides');
  // `api` of other.yaml conflicts with this file's `api`: Compose refuses the project; reported on the include path.
  assert.deepEqual(compose.diagnostics.map((d) => [d.id, at(d.range), d.message]), [
    ['shipshape/parse-error', '4:11', 'Service `api` from other.yaml conflicts with the one in this file; Docker Compose does not merge included services and refuses the project.'],
  ]);
  // An include cycle (loop.yaml includes compose.yaml back) stops, and nothing is read without a host.
  assert.deepEqual(parse('include:\n  - loop.yaml\nservices:\n  a:\n    image: a:1\n', {}).included, []);
});

test('include: env_file and project_directory decide the included project\'s variables', () => {
  const files: Record<string, string> = {
    '/p/sub/app.yaml': 'services:\n  app:\n    image: app:${TAG}\n',
    '/p/sub/.env': 'TAG=from-sub\n',
    '/p/elsewhere/.env': 'TAG=from-elsewhere\n',
    '/p/a.env': 'TAG=from-a\n',
    '/p/b.env': 'TAG=from-b\n',
  };
  const tag = (include: string) => {
    const model = parse(`include:\n${include}services:\n  x:\n    image: x:1\n`, files).included[0]!;
    return model.compose.env.get('TAG');
  };
  assert.equal(tag('  - sub/app.yaml\n'), 'from-sub');
  assert.equal(tag('  - path: sub/app.yaml\n    project_directory: elsewhere\n'), 'from-elsewhere');
  assert.equal(tag('  - path: sub/app.yaml\n    env_file: [a.env, b.env]\n'), 'from-b');
});
