// Parses a Dockerfile once with dockerfile-ast and derives what rules share: stages, base images, users.
import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile, From, Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';

export interface ImageRef {
  /** The image text as written, e.g. `nginx:1.27@sha256:…`. */
  text: string;
  range: Range;
  name: string;
  nameRange: Range;
  tag?: string;
  tagRange?: Range;
  digest?: string;
  digestRange?: Range;
  /** The reference contains `$VAR` / `${VAR}`. */
  hasVariables: boolean;
}

export interface Stage {
  index: number;
  from: From;
  /** `AS name`, lower-cased as BuildKit compares it. */
  name?: string;
  /** Undefined for `scratch` and for a stage built on an earlier stage. */
  image?: ImageRef;
  /** The earlier stage this one builds on (`FROM builder`). */
  parent?: Stage;
  instructions: Instruction[];
  isFinal: boolean;
}

export interface DockerfileModel {
  ast: Dockerfile;
  instructions: Instruction[];
  stages: Stage[];
  finalStage?: Stage;
  escapeChar: string;
}

export function parseDockerfile(file: SourceFile): DockerfileModel {
  const ast = DockerfileParser.parse(file.text);
  const instructions = ast.getInstructions();
  const stages: Stage[] = [];
  let current: Stage | undefined;
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const name = from.getBuildStage()?.toLowerCase() ?? undefined;
      const imageName = from.getImageName()?.toLowerCase();
      const parent = imageName ? [...stages].reverse().find((s) => s.name === imageName) : undefined;
      current = {
        index: stages.length,
        from,
        ...(name ? { name } : {}),
        ...(parent ? { parent } : {}),
        instructions: [],
        isFinal: false,
      };
      const image = parent || imageName === 'scratch' ? undefined : imageRefOf(from);
      if (image) current.image = image;
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    }
  }
  const finalStage = stages[stages.length - 1];
  if (finalStage) finalStage.isFinal = true;
  return { ast, instructions, stages, ...(finalStage ? { finalStage } : {}), escapeChar: ast.getEscapeCharacter() };
}

function imageRefOf(from: From): ImageRef | undefined {
  const range = from.getImageRange();
  const name = from.getImageName();
  const nameRange = from.getImageNameRange();
  const text = from.getImage();
  if (!range || !name || !nameRange || !text) return undefined;
  const tag = from.getImageTag() ?? undefined;
  const tagRange = from.getImageTagRange() ?? undefined;
  const digest = from.getImageDigest() ?? undefined;
  const digestRange = from.getImageDigestRange() ?? undefined;
  return {
    text,
    range,
    name,
    nameRange,
    ...(tag !== undefined && tagRange ? { tag, tagRange } : {}),
    ...(digest !== undefined && digestRange ? { digest, digestRange } : {}),
    hasVariables: text.includes('$'),
  };
}

/** Instructions of a stage with the given keyword (upper-case). */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}
