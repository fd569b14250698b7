// Docker Compose files as a target: rules run once per service, with merge keys, `extends`, `.env` interpolation
// and build Dockerfiles resolved through the host's file reader.
import type { Claim, DetectInput, Target } from '../core/target';
import type { ObjectRef } from '../core/types';
import { isYamlName } from '../core/detect';
import { commentLineFor } from '../yaml/nodes';
import { hasComposeServices, isComposeName, mayBeCompose } from './detect';
import { buildOf } from './build';
import { composeImageTexts } from './images';
import { parseCompose, type ComposeFile, type ComposeService } from './model';
import { COMPOSE_PEERS, composeDirectives } from './suppress';

function detectCompose({ path, languageId }: DetectInput): Claim | undefined {
  if (languageId === 'dockercompose') return 'certain';
  // Any other editor language (dockerfile, helm, plaintext, ...) is not Compose; an empty one says nothing.
  if (languageId && languageId !== 'yaml') return undefined;
  if (isComposeName(path)) return 'certain';
  return languageId === 'yaml' || isYamlName(path) ? 'candidate' : undefined;
}

export function serviceRef(service: ComposeService): ObjectRef {
  return { apiVersion: 'compose', kind: 'service', name: service.name };
}

export const composeTarget: Target<ComposeFile, ComposeService, 'compose'> = {
  id: 'compose',
  title: 'Compose file',
  syntax: 'yaml',
  peerTools: COMPOSE_PEERS,
  detect: detectCompose,
  sniff: mayBeCompose,
  parse: (file, readFile) => parseCompose(file, readFile),
  // Other YAML is Compose only when its services run images; Kubernetes YAML never has top-level `services:`.
  accepts: (compose) => hasComposeServices(compose.doc),
  parseDiagnostics: (compose) => compose.diagnostics,
  units: (_file, compose) => compose.services.map((service) => ({ value: service, anchor: service.keyRange, object: serviceRef(service) })),
  ruleContext: (_file, compose, service) => ({ compose, service }),
  directives: (file, compose, rules) => composeDirectives(file, compose, rules),
  imageTexts: composeImageTexts,
  // A service's `build:` links to the Dockerfile it builds (and runs: the workspace names the service on that
  // Dockerfile's findings).
  links: (_file, compose) => compose.services.flatMap((service) => {
    const build = buildOf(compose, service);
    return build ? [{ range: build.range, target: build.dockerfile, relation: 'builds' as const, object: { kind: 'service', name: service.name } }] : [];
  }),
  suppressionLine: (file, compose, range) => (compose.doc ? commentLineFor(file, [compose.doc], range) : undefined),
  fileSuppressionLine: () => 0,
};
