// Dockerfiles as a target: detected by name or editor language, parsed once, checked by rules once per file.
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { Target } from '../core/target';
import { zeroRange } from '../core/findings';
import { detectDockerfile } from './detect';
import { dockerfileImageTexts } from './images';
import { parseDockerfile, type DockerfileModel } from './model';
import { DOCKERFILE_PEERS, dockerfileDirectives } from './suppress';

export const dockerfileTarget: Target<DockerfileModel, DockerfileModel, 'dockerfile'> = {
  id: 'dockerfile',
  title: 'Dockerfile',
  syntax: 'text',
  peerTools: DOCKERFILE_PEERS,
  detect: detectDockerfile,
  parse: parseDockerfile,
  // Rules see the whole file: stages, users and downloads are decided across instructions.
  units: (_file, model) => [{ value: model, anchor: zeroRange() }],
  ruleContext: (_file, model) => ({ dockerfile: model }),
  directives: dockerfileDirectives,
  imageTexts: dockerfileImageTexts,
  suppressionLine: instructionLine,
  fileSuppressionLine(file, model) {
    // Parser directives must stay first: a comment above them would turn them into plain comments.
    const last = model.directives[model.directives.length - 1];
    return last ? file.positionAt(last.span.start).line + 1 : 0;
  },
};

/** The first line of the instruction holding `range`: continuation lines (with any escape character) belong to it. */
function instructionLine(file: SourceFile, model: DockerfileModel, range: Range): number | undefined {
  const line = range.start.line;
  const node = model.nodes.find((n) => file.positionAt(n.start).line <= line && line <= file.positionAt(n.end).line);
  return node ? file.positionAt(node.start).line : undefined;
}
