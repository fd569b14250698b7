// Builders for the short Compose files in rule metadata examples (docs pages and meta tests run them).

/** A file with one service `web` (image `nginx:1.27.3` unless the body names one) around `body` written at column 0. */
export function exampleService(body: string, image = 'nginx:1.27.3'): string {
  const lines = body.replace(/^(?=.)/gm, '    ');
  return `services:\n  web:\n${/^image:/m.test(body) || image === '' ? '' : `    image: ${image}\n`}${lines}`;
}
