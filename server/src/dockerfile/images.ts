// The image references a Dockerfile names: each stage's `FROM` image, where its text sits exactly in the file.
import type { SourceFile } from '../core/source';
import type { ImageText } from '../core/target';
import type { DockerfileModel } from './model';

export function dockerfileImageTexts(file: SourceFile, model: DockerfileModel): ImageText[] {
  const out: ImageText[] = [];
  for (const stage of model.stages) {
    const image = stage.image;
    // The model already leaves out `scratch` and stages built on an earlier stage (`FROM builder`). A reference
    // with `$VAR` is only known at build time: pinning what a default resolves to would freeze the wrong image.
    if (!image || image.hasVariables) continue;
    const { start, end } = image.span;
    // A quoted or escaped word has no exact position for its text; image references never need either.
    if (file.text.slice(start, end) !== image.text) continue;
    out.push({ text: image.text, start, end, stage: stage.index });
  }
  return out;
}
