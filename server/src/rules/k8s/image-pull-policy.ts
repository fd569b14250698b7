// A mutable image reference that nodes may serve from their cache.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { containerImage } from '../../k8s/images';
import { setField } from '../../k8s/edit';
import { get, nodeRange, stringValue } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/image-pull-policy',
    target: 'k8s',
    title: 'Mutable image served from the node cache',
    severity: 'info',
    description:
      'Reports a container whose image is not pinned by digest and whose effective `imagePullPolicy` is not `Always`: set to `IfNotPresent` or `Never`, or unset with a version tag (Kubernetes then defaults to `IfNotPresent`). A digest-pinned image is never reported: its content cannot change, so the cache is safe.',
    rationale:
      'With a mutable tag and `IfNotPresent`, each node runs whatever it pulled first, so replicas drift apart after a re-push. The node cache also lets any pod on that node use a private image without presenting pull credentials.',
    remediation: 'Pin the image by digest (preferred), or set `imagePullPolicy: Always` so every start checks the registry and the pull credentials.',
    references: [{ title: 'Kubernetes: Images, image pull policy', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy' }],
    fix: 'suggestion',
    messages: {
      cached: 'Image `{{image}}` is mutable and pulled with `{{policy}}`; nodes may run a stale or unauthorised copy.',
      setAlways: 'Set `imagePullPolicy: Always`',
    },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_15': 'requires `Always` even for a digest-pinned image; we accept a digest, and the `Always` default of `latest` and untagged images.',
      'polaris:pullPolicyNotAlways': 'requires `Always` even for a digest-pinned image.',
      'kube-score:container-image-pull-policy': 'requires `Always` even for a digest-pinned image.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: registry.example.com/app:2.1\n    imagePullPolicy: IfNotPresent\n')],
      good: [
        examplePod('containers:\n  - name: app\n    image: registry.example.com/app:2.1\n    imagePullPolicy: Always\n'),
        examplePod('containers:\n  - name: app\n    image: registry.example.com/app:2.1@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e\n'),
      ],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const image = containerImage(file, container);
      if (!image || image.ref.digest !== undefined) continue;
      const { doc } = container.pod;
      const node = get(container.node, 'imagePullPolicy', doc);
      const explicit = stringValue(node, doc);
      // A patch that sets only the image keeps the base's policy.
      if (explicit === undefined && container.pod.fragment) continue;
      // Kubernetes defaults to Always for `latest` and untagged images, IfNotPresent otherwise.
      const policy = explicit ?? (image.ref.tag === undefined || image.ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
      if (policy === 'Always') continue;
      report({
        messageId: 'cached',
        data: { image: image.text, policy },
        range: (node && nodeRange(file, node)) ?? image.range,
        container: container.name,
        suggestions: [{ messageId: 'setAlways', edits: setField(file, doc, container.node, ['imagePullPolicy'], 'Always') }],
      });
    }
  },
});
