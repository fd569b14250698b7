// The image references a Compose file names: each service's `image:` where its text sits exactly in this file, so
// the pin quick fix and `shipshape pin` can rewrite it. Images of services that `build:` name the build's output
// and are left alone, as are references that depend on variables.
import type { SourceFile } from '../core/source';
import type { ImageText } from '../core/target';
import { imageOf } from './image';
import type { ComposeFile } from './model';

export function composeImageTexts(file: SourceFile, compose: ComposeFile): ImageText[] {
  const out: ImageText[] = [];
  for (const service of compose.services) {
    const image = imageOf(compose, service);
    if (!image?.span) continue;
    out.push({ text: file.text.slice(image.span.start, image.span.end), start: image.span.start, end: image.span.end, object: { kind: 'service', name: service.name } });
  }
  return out;
}
