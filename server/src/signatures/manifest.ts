// Narrowing the artifact manifests signatures live in.

/** `subject.digest` of an OCI 1.1 artifact manifest. */
export function subjectDigest(json: Record<string, unknown>): string | undefined {
  const subject = json.subject;
  const digest = subject !== null && typeof subject === 'object' ? (subject as { digest?: unknown }).digest : undefined;
  return typeof digest === 'string' ? digest : undefined;
}
