// Container image tagged `latest` or not tagged at all.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { containerImage, partRange } from '../../k8s/images';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/image-latest-tag',
    target: 'k8s',
    title: 'Image uses `latest` or no tag',
    severity: 'warning',
    description:
      'Reports a container image whose tag is `latest`, or that has neither a tag nor a digest (the runtime then pulls `latest`). A digest pins the image whatever the tag says. Values that build tooling substitutes (`{IMAGE}`, `${IMAGE}`, `{{ .Image }}`) are not images: the file gets one templated-yaml notice instead.',
    rationale:
      '`latest` moves: the same manifest runs a different image after every push and after every node replacement, so a rollout cannot be reviewed, reproduced or rolled back, and a compromised upstream image reaches the cluster unseen.',
    remediation: 'Use an explicit version tag such as `nginx:1.27.3`, and preferably pin the digest (`nginx:1.27.3@sha256:…`).',
    references: [{ title: 'Kubernetes: Images, image names', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' }],
    standards: { cis: ['CIS Kubernetes 5.5.1: image provenance'] },
    messages: {
      latest: 'Image `{{image}}` uses the `latest` tag; pin a version.',
      untagged: 'Image `{{image}}` has no tag, so `latest` is pulled; pin a version.',
    },
    equivalents: ['checkov:CKV_K8S_14', 'kube-linter:latest-tag', 'trivy:KSV-0013', 'kube-score:container-image-tag'],
    peerNotes: {
      'polaris:tagNotSpecified': 'reads a registry port\'s colon as a tag, so it passes an untagged image behind a registry port (`localhost:5000/nginx`), which we report.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:latest\n'), examplePod('containers:\n  - name: app\n    image: nginx\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const image = containerImage(file, container);
      if (!image || image.ref.digest !== undefined) continue;
      if (image.ref.tag === undefined) report({ messageId: 'untagged', data: { image: image.text }, range: image.range, container: container.name });
      else if (image.ref.tag === 'latest') report({ messageId: 'latest', data: { image: image.text }, range: partRange(file, image, image.ref.spans.tag), container: container.name });
    }
  },
});
