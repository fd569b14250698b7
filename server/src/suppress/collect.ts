// Every suppression in a parsed file, ours and (when honoured) the peers'.
import type { RuleRegistry } from '../core/registry';
import type { SourceFile } from '../core/source';
import type { DockerfileModel } from '../dockerfile/model';
import type { K8sFile } from '../k8s/model';
import type { Directive } from './directive';
import { dockerfileDirectives } from './dockerfile';
import { yamlDirectives } from './yaml';

export interface ParsedFile {
  file: SourceFile;
  dockerfile?: DockerfileModel | undefined;
  k8s?: K8sFile | undefined;
}

export function collectDirectives(parsed: ParsedFile, registry: RuleRegistry, peers = true): Directive[] {
  const all = parsed.dockerfile
    ? dockerfileDirectives(parsed.file, parsed.dockerfile, registry)
    : parsed.k8s
      ? yamlDirectives(parsed.file, parsed.k8s, registry)
      : [];
  return peers ? all : all.filter((d) => d.source === 'shipshape');
}
