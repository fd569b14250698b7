// Container image not pinned by digest.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { containerImage } from '../../k8s/images';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/image-not-pinned',
    target: 'k8s',
    title: 'Image not pinned by digest',
    severity: 'info',
    description: 'Reports a container image referenced by tag only, without an `@sha256:` digest.',
    rationale:
      'Tags are mutable: whoever can push to the repository can change what a tag points to, and nodes pull whatever it points to when they start the pod. A digest names exactly one image, so what was reviewed is what runs.',
    remediation: 'Append the digest of the image you tested, e.g. `nginx:1.27.3@sha256:…` (`docker buildx imagetools inspect nginx:1.27.3` prints it), and let a bot such as Renovate update it.',
    references: [{ title: 'Kubernetes: Images, image names', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' }],
    standards: { cis: ['CIS Kubernetes 5.5.1: image provenance'] },
    messages: { notPinned: 'Image `{{image}}` is not pinned by digest.' },
    equivalents: ['checkov:CKV_K8S_43'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const image = containerImage(file, container);
      if (image && image.ref.digest === undefined) report({ messageId: 'notPinned', data: { image: image.text }, range: image.range, container: container.name });
    }
  },
});
