// Media types from opencontainers/image-spec media-types.md and distribution manifest-v2-2.md.

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';

export const SIGSTORE_BUNDLE_ARTIFACT = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const NOTARY_SIGNATURE_ARTIFACT = 'application/vnd.cncf.notary.signature';

/**
 * All four types, lists first. Without the list types a registry rewrites the answer to the linux/amd64
 * manifest (manifest-v2-2.md "Backward compatibility"), and we would pin a single-platform digest.
 */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

export function isIndexMediaType(mediaType: string | undefined): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}

/** Content-Type may carry parameters (`; charset=utf-8`); compare on the bare type. */
export function bareMediaType(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  const bare = contentType.split(';')[0]?.trim().toLowerCase();
  return bare ? bare : undefined;
}
