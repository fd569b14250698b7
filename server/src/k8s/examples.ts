// Builders for the short manifests in rule metadata examples (docs pages and meta tests run them).

function indent(text: string, by: number): string {
  const pad = ' '.repeat(by);
  return text.replace(/^(?=.)/gm, pad);
}

/** A Pod named `web` around a pod spec written at column 0. */
export function examplePod(podSpec: string, annotations?: string): string {
  const meta = annotations ? `  annotations:\n${indent(annotations, 4)}` : '';
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n${meta}spec:\n${indent(podSpec, 2)}`;
}

/** A Deployment named `web` around a pod spec written at column 0. */
export function exampleDeployment(podSpec: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n${indent(podSpec, 6)}`;
}

/** A ClusterRole named `r` around `rules:` items already indented under it. */
export function exampleRole(rules: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n${rules}`;
}

/** A Service named `web` around `spec:` fields already indented under it. */
export function exampleService(spec: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;
}
