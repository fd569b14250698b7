// Trusted-registry matching for service images, until the shared image-reference module provides the one matcher.
/** `*.example.com` matches any subdomain; `ghcr.io/acme` matches that registry path and below. */
export function trustedImage(image: { registry: string; repository: string }, patterns: readonly string[]): boolean {
  const full = `${image.registry}/${image.repository}`;
  return patterns.some((p) => {
    const re = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
    return re.test(full) || (image.registry === 'docker.io' && re.test(`index.docker.io/${image.repository}`));
  });
}
