// `build:` of a service: which Dockerfile (and stage) it builds, read through the host, and the user that image
// runs as. The first check that crosses from a build file to a run file.
import type { Range } from 'vscode-languageserver-types';
import type { Node } from 'yaml';
import { SourceFile } from '../core/source';
import { parseDockerfile } from '../dockerfile/model';
import { effectiveUser, imageImpliesNonRoot, isRootUser } from '../dockerfile/users';
import { asMap, nodeRange } from '../yaml/nodes';
import { fieldOf, type ComposeFile, type ComposeService } from './model';
import { dirOf, isRemoteContext, joinPath } from './paths';
import { scalarOf, setting } from './service';

export interface ServiceBuild {
  /** Path of the Dockerfile, joined onto the Compose file's directory as the host names files. */
  dockerfile: string;
  /** The Dockerfile as written relative to the Compose file (for messages). */
  display: string;
  /** `build.target`, when set. */
  target?: string;
  /** The `build` value (or `build.dockerfile`) in the linted file: where a link and findings about the build go. */
  range: Range;
}

/** The Dockerfile a service builds, when it is a file in the workspace (not a remote context or an inline one). */
export function buildOf(compose: ComposeFile, service: ComposeService): ServiceBuild | undefined {
  const s = setting(service, 'build');
  if (!s || s.source.file !== compose.file) return undefined;
  const { doc } = s.source;
  const map = asMap(s.value, doc);
  const context = map ? (scalarOf(compose, fieldOf(map, 'context', doc)?.value) ?? '.') : scalarOf(compose, s.value);
  if (context === undefined || isRemoteContext(context) || (map && fieldOf(map, 'dockerfile_inline', doc))) return undefined;
  const dockerfileEntry = map ? fieldOf(map, 'dockerfile', doc) : undefined;
  const name = dockerfileEntry ? scalarOf(compose, dockerfileEntry.value) : 'Dockerfile';
  if (name === undefined) return undefined;
  const target = map ? scalarOf(compose, fieldOf(map, 'target', doc)?.value) : undefined;
  const contextDir = joinPath(dirOf(compose.file.path), context);
  const dockerfile = joinPath(contextDir, name);
  const display = `${context.replace(/\/+$/, '')}/${name}`.replace(/^\.\//, '');
  const range = nodeRange(compose.file, (dockerfileEntry?.value ?? s.value ?? s.pair.key) as Node) ?? service.keyRange;
  return { dockerfile, display, range, ...(target !== undefined ? { target } : {}) };
}

export interface BuiltUser {
  /** `root` when the stage sets no user or a root one. */
  user: string;
  /** Whether the stage writes `USER` at all. */
  explicit: boolean;
}

/** The user the built image runs as, when the Dockerfile is readable and says; undefined otherwise (unknown). */
export function builtUser(compose: ComposeFile, build: ServiceBuild): BuiltUser | undefined {
  const text = compose.readFile?.(build.dockerfile);
  if (text === undefined) return undefined;
  const model = parseDockerfile(new SourceFile(build.dockerfile, text));
  const target = build.target?.toLowerCase();
  const stage = target !== undefined ? model.stages.find((s) => s.name === target) : model.finalStage;
  if (!stage || stage.windows || imageImpliesNonRoot(stage)) return undefined;
  const user = effectiveUser(model, stage);
  if (!user) return { user: 'root', explicit: false };
  if (model.expand(user.node, user.node.args[0]?.value ?? '') === undefined) return undefined;
  return { user: user.user, explicit: true };
}

export function isRoot(user: string): boolean {
  return isRootUser(user.split(':')[0] ?? '', false);
}
