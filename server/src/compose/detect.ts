// Which files are Compose files: by name (`compose.yaml`, `docker-compose.yml`, `compose.prod.yaml` overrides), by
// the editor's `dockercompose` language, and, for other YAML, by content: top-level `services:` whose entries run
// an `image:` or a `build:`. Kubernetes YAML never has a top-level `services:`.
import { isMap, type Document } from 'yaml';
import { basename } from '../core/detect';
import { asMap } from '../yaml/nodes';
import { entries } from './model';

const COMPOSE_NAME = /^(docker-)?compose(\.[^/\\]+)?\.ya?ml$/i;

export function isComposeName(path: string): boolean {
  return COMPOSE_NAME.test(basename(path));
}

/** Cheap test before any parse: a top-level `services` key somewhere. */
export function mayBeCompose(text: string): boolean {
  return /^(?:services|"services"|'services')[ \t]*:/m.test(text);
}

/** Some top-level service runs an image or builds one. */
export function hasComposeServices(doc: Document | undefined): boolean {
  if (!doc) return false;
  const services = entries(asMap(doc.contents, doc), doc).find((e) => e.key === 'services');
  const map = services?.value && isMap(services.value) ? services.value : undefined;
  return entries(map, doc).some((service) => {
    const body = asMap(service.value, doc);
    return entries(body, doc).some((e) => e.key === 'image' || e.key === 'build');
  });
}
