// Pod sysctls outside the namespaced, safe set.
import { k8sRule } from '../../k8s/rule';
import { podSpecOf } from '../../k8s/podspec';
import { get, mapIn, mapItems, nodeRange, seqIn, stringValue } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';
import { BASELINE_SAFE_SYSCTLS as SAFE } from '../../k8s/sysctls';


export default k8sRule({
  meta: {
    id: 'k8s/unsafe-sysctls',
    target: 'k8s',
    title: 'Unsafe sysctl',
    severity: 'warning',
    description: 'Reports a `securityContext.sysctls` entry of a pod whose name is not in the Baseline standard\'s safe list.',
    rationale: 'Sysctls outside the safe set are not fully namespaced: changing them affects other pods on the node or the node itself, and some open denial-of-service or isolation bypasses.',
    remediation: 'Remove the sysctl; if it is essential, allow it on dedicated nodes with the kubelet\'s `--allowed-unsafe-sysctls` and taints.',
    references: [{ title: 'Kubernetes: Using sysctls in a Kubernetes cluster', url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/' }],
    standards: { pss: ['baseline/sysctls'] },
    messages: { unsafe: 'Sysctl `{{name}}` is not in the safe set.' },
    equivalents: ['trivy:KSV-0026', 'pss:baseline/sysctls'],
    examples: {
      bad: [examplePod('securityContext:\n  sysctls:\n    - name: kernel.msgmax\n      value: "65536"\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  sysctls:\n    - name: net.ipv4.tcp_syncookies\n      value: "1"\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const entry of mapItems(seqIn(mapIn(pod.node, ['securityContext'], pod.doc), ['sysctls'], pod.doc), pod.doc)) {
      const node = get(entry, 'name', pod.doc);
      const name = stringValue(node, pod.doc);
      const range = nodeRange(file, node);
      // Sysctl names may use `/` as the separator.
      if (name !== undefined && range && !SAFE.has(name.replace(/\//g, '.'))) report({ messageId: 'unsafe', data: { name }, range });
    }
  },
});
