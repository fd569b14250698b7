// Entries written into the pod's /etc/hosts.
import { k8sRule } from '../../k8s/rule';
import { podField, podSpecOf } from '../../k8s/podspec';
import { keyRange } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/host-aliases',
    target: 'k8s',
    title: 'Pod overrides /etc/hosts',
    severity: 'info',
    description: 'Reports a pod spec with `hostAliases`.',
    rationale: 'Host aliases silently redirect names the application trusts (an API, a registry, a license server) to fixed addresses, bypassing DNS and its monitoring; they are a quiet way to intercept traffic and they go stale.',
    remediation: 'Resolve the names through DNS (a Service, an ExternalName, CoreDNS configuration) instead.',
    references: [{ title: 'Kubernetes: Adding entries to Pod /etc/hosts with HostAliases', url: 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/' }],
    messages: { hostAliases: 'The pod overrides `/etc/hosts` with `hostAliases`.' },
    equivalents: ['trivy:KSV-0007', 'kubesec:HostAliases'],
    examples: {
      bad: [examplePod('hostAliases:\n  - ip: 10.0.0.1\n    hostnames: [api.example.com]\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod || !podField(pod, 'hostAliases')) return;
    const range = keyRange(file, pod.node, 'hostAliases');
    if (range) report({ messageId: 'hostAliases', range });
  },
});
