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
