// Kubernetes manifests as a target: any YAML file whose content has Kubernetes objects; rules run once per object.
import type { SourceFile } from '../core/source';
import type { Claim, DetectInput, Target } from '../core/target';
import { isYamlName, YAML_LANGUAGES } from '../core/detect';
import { k8sImageTexts } from './images';
import { parseK8s, type K8sFile, type K8sObject } from './model';
import { objectRef } from './objects';
import { K8S_PEERS, yamlDirectives } from './suppress';
import { commentLineFor } from './yaml';
import { k8sDocuments } from './documents';

/** Editor languages that are never YAML, whatever the file is called. */
const NOT_YAML: ReadonlySet<string> = new Set(['dockerfile', 'containerfile']);

function detectK8s({ path, languageId }: DetectInput): Claim | undefined {
  if (languageId !== undefined && YAML_LANGUAGES.has(languageId)) return 'candidate';
  if (languageId !== undefined && NOT_YAML.has(languageId)) return undefined;
  return isYamlName(path) ? 'candidate' : undefined;
}

export const k8sTarget: Target<K8sFile, K8sObject, 'k8s'> = {
  id: 'k8s',
  title: 'Kubernetes manifest',
  syntax: 'yaml',
  peerTools: K8S_PEERS,
  detect: detectK8s,
  parse: parseK8s,
  // A YAML file is Kubernetes when some document has `apiVersion` and `kind` (even one that fails to parse).
  accepts: (k8s) => k8s.objects.length > 0 || k8s.looksLikeKubernetes,
  parseDiagnostics: (k8s) => k8s.diagnostics,
  units: (_file, k8s) => k8s.objects.map((object) => ({ value: object, anchor: object.anchorRange, object: objectRef(object) })),
  ruleContext: (_file, k8s, object) => ({ k8s, object }),
  directives: yamlDirectives,
  imageTexts: k8sImageTexts,
  suppressionLine: (file: SourceFile, k8s, range) => commentLineFor(file, k8s.docs, range),
  fileSuppressionLine: () => 0,
  documents: k8sDocuments,
};
