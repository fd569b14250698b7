// One image repository, several versions across the workspace: pinned to different digests in different files, or
// pinned in one and floating on a tag in another. Decided across every file of a workspace scan.
import type { Range } from '../../core/types';
import { objectImageTexts } from '../../k8s/images';
import { k8sWorkspaceRule } from '../../k8s/rule';
import { fullName, parseReference } from '../../images/reference';

interface ImageFact {
  repository: string;
  /** The digest written, if any. */
  digest?: string;
  text: string;
  range: Range;
}

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;
const pod = (name: string, image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;

export default k8sWorkspaceRule<'otherDigest' | 'floatingHere' | 'floatingElsewhere', ImageFact[]>({
  meta: {
    id: 'k8s/image-digest-consistency',
    target: 'k8s',
    title: 'Same image at different versions across the workspace',
    severity: 'warning',
    description:
      'Reports each `image:` whose repository other manifests of the workspace name at another version: pinned to a different digest, or pinned by digest in one file and floating on a tag in another. One finding per site, naming the other files. Decided across every file of a workspace scan (the Scan Workspace command, `shipshape scan DIR`); tags alone (`app:1.2` vs `app:1.3`) are not compared, since only digests say what runs.',
    rationale:
      'A digest pins exactly what was reviewed, scanned and signed. When the same repository is pinned in one manifest and floating (or pinned to another digest) in another, the environments no longer run the same image: a fix rolled out in one file is missing in the other, and a floating reference runs whatever the tag points to at pull time, bypassing the review the pinned one had.',
    remediation: 'Pin every reference to the same repository to the same digest (`shipshape pin` writes the current one), or give deliberately different versions different tags and digests in one reviewed change.',
    references: [
      { title: 'Kubernetes: Images (image names, digests)', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' },
      { title: 'NIST SP 800-190: Application Container Security Guide (image configuration drift)', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    ],
    // No peer compares image references across files.
    equivalents: [],
    messages: {
      otherDigest: '`{{repository}}` is pinned to {{digest}} here but to another digest in {{others}}.',
      floatingHere: '`{{repository}}` floats on a tag here but is pinned by digest in {{others}}.',
      floatingElsewhere: '`{{repository}}` is pinned by digest here but floats on a tag in {{others}}.',
    },
    examples: {
      bad: [`${pod('web', `registry.example.com/team/app:1.4@${DIGEST_A}`)}---\n${pod('worker', `registry.example.com/team/app:1.4@${DIGEST_B}`)}`],
      good: [`${pod('web', `registry.example.com/team/app:1.4@${DIGEST_A}`)}---\n${pod('worker', `registry.example.com/team/app:1.4@${DIGEST_A}`)}`],
    },
  },
  facts(object, file) {
    const out: ImageFact[] = [];
    for (const image of objectImageTexts(file, object)) {
      const parsed = parseReference(image.text);
      if (!parsed.ok) continue;
      out.push({ repository: fullName(parsed.ref), ...(parsed.ref.digest ? { digest: parsed.ref.digest } : {}), text: image.text, range: file.rangeOf(image.start, image.end) });
    }
    return out.length ? out : undefined;
  },
  checkWorkspace({ facts, report }) {
    const byRepository = new Map<string, { path: string; image: ImageFact }[]>();
    for (const { path, fact } of facts) {
      for (const image of fact) byRepository.set(image.repository, [...(byRepository.get(image.repository) ?? []), { path, image }]);
    }
    for (const sites of byRepository.values()) {
      for (const { path, image } of sites) {
        const conflicting = sites.filter((s) => s.image.digest !== image.digest);
        if (!conflicting.length) continue;
        const pinnedOthers = conflicting.filter((s) => s.image.digest !== undefined);
        const messageId = image.digest === undefined ? 'floatingHere' : pinnedOthers.length ? 'otherDigest' : 'floatingElsewhere';
        const shown = messageId === 'otherDigest' ? pinnedOthers : conflicting;
        const others = [...new Set(shown.map((s) => (s.path === path ? 'this file' : s.path)))].sort().join(', ');
        const data = { repository: shortName(image), others, ...(messageId === 'otherDigest' ? { digest: image.digest ?? '' } : {}) };
        report({ messageId, data, path, range: image.range });
      }
    }
  },
});

/** The repository as written (without tag and digest), which is how readers recognise it. */
function shortName(image: ImageFact): string {
  return image.text.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
}
