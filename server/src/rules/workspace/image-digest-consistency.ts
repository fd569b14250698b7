// One image repository, several versions across the workspace: pinned to different digests in different files, or
// pinned in one and floating on a tag in another. Facts come from every target's images (Dockerfile `FROM`, Compose
// and Kubernetes `image:`); decided across every file of a workspace scan.
import { crossTargetRule, type Range } from '../../core/types';
import { relativePath } from '../../core/paths';
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
const compose = (web: string, worker: string) => `services:\n  web:\n    image: ${web}\n  worker:\n    image: ${worker}\n`;

export default crossTargetRule<'otherDigest' | 'floatingHere' | 'floatingElsewhere', ImageFact>({
  meta: {
    id: 'workspace/image-digest-consistency',
    target: 'workspace',
    title: 'Same image at different versions across the workspace',
    formerIds: ['k8s/image-digest-consistency'],
    severity: 'warning',
    description:
      'Reports each image reference whose repository other files of the workspace (or other places in the same file) name at another version: pinned to a different digest, or pinned by digest in one place and floating on a tag in another. Images come from every target: Dockerfile `FROM`, Compose `image:` and Kubernetes `image:` fields; stage names (`FROM build`), references built from variables (`FROM ${BASE}`, `image: ${IMAGE}`) and the `image:` of a Compose service that builds it are not compared. One finding per site, naming the other files relative to its own directory. Decided across every file of a workspace scan (the Scan Workspace command, `shipshape scan DIR`); tags alone (`app:1.2` vs `app:1.3`) are not compared, since only digests say what runs. Called `k8s/image-digest-consistency` before it covered Dockerfiles and Compose files; settings and suppressions naming that id still apply.',
    rationale:
      'A digest pins exactly what was reviewed, scanned and signed. When the same repository is pinned in one file and floating (or pinned to another digest) in another, the environments no longer run the same image: the base image a Dockerfile builds on differs from the one a Deployment runs, a fix rolled out in one file is missing in the other, and a floating reference runs whatever the tag points to at pull time, bypassing the review the pinned one had.',
    remediation: 'Pin every reference to the same repository to the same digest (`shipshape pin` writes the current one), or give deliberately different versions different tags and digests in one reviewed change.',
    references: [
      { title: 'Kubernetes: Images (image names, digests)', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' },
      { title: 'Docker: Pin base image versions', url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions' },
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
      bad: [compose(`registry.example.com/team/app:1.4@${DIGEST_A}`, `registry.example.com/team/app:1.4@${DIGEST_B}`), compose(`registry.example.com/team/app:1.4@${DIGEST_A}`, 'registry.example.com/team/app:1.4')],
      good: [compose(`registry.example.com/team/app:1.4@${DIGEST_A}`, `registry.example.com/team/app:1.4@${DIGEST_A}`)],
    },
  },
  fileFacts({ file, images }) {
    const out: ImageFact[] = [];
    for (const image of images) {
      // Strict parse: what `docker pull` accepts, so templated (`{{ .Image }}`) and variable references drop out here too.
      const parsed = parseReference(image.text);
      if (!parsed.ok) continue;
      out.push({ repository: fullName(parsed.ref), ...(parsed.ref.digest ? { digest: parsed.ref.digest } : {}), text: image.text, range: file.rangeOf(image.start, image.end) });
    }
    return out;
  },
  checkWorkspace({ facts, report }) {
    const byRepository = new Map<string, { path: string; image: ImageFact }[]>();
    for (const { path, fact } of facts) byRepository.set(fact.repository, [...(byRepository.get(fact.repository) ?? []), { path, image: fact }]);
    for (const sites of byRepository.values()) {
      for (const { path, image } of sites) {
        const conflicting = sites.filter((s) => s.image.digest !== image.digest);
        if (!conflicting.length) continue;
        const pinnedOthers = conflicting.filter((s) => s.image.digest !== undefined);
        const messageId = image.digest === undefined ? 'floatingHere' : pinnedOthers.length ? 'otherDigest' : 'floatingElsewhere';
        const shown = messageId === 'otherDigest' ? pinnedOthers : conflicting;
        // Other files as seen from this one's directory (`../compose.yaml`), so every host shows the same names.
        const others = [...new Set(shown.map((s) => (s.path === path ? 'this file' : relativePath(path, s.path))))].sort().join(', ');
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
