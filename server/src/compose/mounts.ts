// Host paths as bind mounts name them, normalised for comparison (`//var/run/docker.sock`, trailing slashes).
import type { ComposeFile, ComposeService } from './model';
import { volumesOf, type VolumeMount } from './syntax';

export function normalizeHostPath(path: string): string {
  const p = path.trim().replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** Bind mounts of an absolute host path (relative and home paths are project or user files). */
export function absoluteBinds(compose: ComposeFile, service: ComposeService): (VolumeMount & { path: string })[] {
  return volumesOf(compose, service).flatMap((m) => (m.type === 'bind' && m.source !== undefined && normalizeHostPath(m.source).startsWith('/') ? [{ ...m, path: normalizeHostPath(m.source) }] : []));
}
