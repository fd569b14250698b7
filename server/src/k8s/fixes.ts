// Edits the hardening suggestions share: a field in a container's securityContext, a pod-level field.
import type { TextEdit } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { ContainerView, PodSpecView } from './podspec';
import { ensureItem, setField } from './edit';

/** Sets `securityContext.<path>` on the container itself (the container level wins over the pod's). */
export function setContainerSecurity(file: SourceFile, container: ContainerView, path: readonly string[], value: string): TextEdit[] {
  return setField(file, container.pod.doc, container.node, ['securityContext', ...path], value);
}

/** Makes `securityContext.capabilities.drop` contain ALL, keeping any entries already listed. */
export function dropAll(file: SourceFile, container: ContainerView): TextEdit[] {
  return ensureItem(file, container.pod.doc, container.node, ['securityContext', 'capabilities', 'drop'], 'ALL');
}

export function setPodField(file: SourceFile, pod: PodSpecView, path: readonly string[], value: string): TextEdit[] {
  return setField(file, pod.doc, pod.node, path, value);
}
