// Signatures made the way cosign and Sigstore make them, with keys and a CA the test generates: cosign's
// simple-signing payload signed with Node's crypto, and Sigstore bundles (DSSE in-toto statement or a message
// signature over the image manifest) from a leaf certificate that an openssl-made test CA issued, logged by a
// test transparency log whose signed entry timestamp the bundle carries.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OCI_MANIFEST, type Descriptor, type Pusher, sha256, tempDir } from './registry';

export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const BUNDLE_ARTIFACT = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

export interface KeyPair {
  privateKey: KeyObject;
  publicPem: string;
}

export function keyPair(type: 'ec' | 'rsa' | 'ed25519' = 'ec'): KeyPair {
  const pair =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  return { privateKey: pair.privateKey, publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** `SHA256:<base64>` of the public key's DER, as Shipshape prints fingerprints. */
export function fingerprint(publicPem: string): string {
  const der = Buffer.from(publicPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

export function simpleSigningPayload(repository: string, digest: string): Buffer {
  return Buffer.from(JSON.stringify({ critical: { identity: { 'docker-reference': repository }, image: { 'docker-manifest-digest': digest }, type: 'cosign container image signature' }, optional: null }));
}

export function signBytes(privateKey: KeyObject, data: Buffer): Buffer {
  return sign(privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256', data, privateKey);
}

/** cosign's legacy layout: `sha256-<hex>.sig` in `repo` with one simple-signing layer per signature. */
export async function pushCosignSignatures(push: Pusher, repo: string, subject: string, signatures: { payload: Buffer; signature: Buffer }[]): Promise<void> {
  const layers: Descriptor[] = [];
  for (const s of signatures) {
    const layer = await push.blob(repo, s.payload, SIMPLE_SIGNING);
    layers.push({ ...layer, annotations: { 'dev.cosignproject.cosign/signature': s.signature.toString('base64') } });
  }
  const config = await push.blob(repo, JSON.stringify({ architecture: '', os: '', rootfs: { type: 'layers', diff_ids: [] } }), OCI_CONFIG);
  await push.manifest(repo, `${subject.replace(':', '-')}.sig`, OCI_MANIFEST, { schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers });
}

/** Signs `digest` (as a cosign simple-signing payload naming `signedDigest`, default the same) and pushes it. */
export async function cosignSign(push: Pusher, repo: string, digest: string, key: KeyPair, signedDigest = digest): Promise<void> {
  const payload = simpleSigningPayload(repo, signedDigest);
  await pushCosignSignatures(push, repo, digest, [{ payload, signature: signBytes(key.privateKey, payload) }]);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

export interface Identity {
  issuer: string;
  subject: string;
}

/** A test Sigstore: a CA (made with openssl) and a transparency log key, and the trusted root naming them. */
export class TestSigstore {
  private readonly dir = tempDir('shipshape-sigstore-');
  private readonly caKey: KeyPair = keyPair('ec');
  private readonly logKey: KeyPair = keyPair('ec');
  readonly caPem: string;
  private serial = 1;

  constructor(readonly name = 'test-ca') {
    writeFileSync(join(this.dir.path, 'ca.key'), this.caKey.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    execFileSync('openssl', [
      'req', '-x509', '-new', '-key', join(this.dir.path, 'ca.key'), '-subj', `/O=shipshape-test/CN=${name}`, '-days', '2',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-out', join(this.dir.path, 'ca.pem'),
    ], { stdio: 'pipe' });
    this.caPem = readFileSync(join(this.dir.path, 'ca.pem'), 'utf8');
  }

  dispose(): void {
    this.dir.remove();
  }

  private logId(): Buffer {
    return createHash('sha256').update(pemToDer(this.logKey.publicPem)).digest();
  }

  /** `trusted_root.json` naming this CA and log (no CT logs, no timestamp authorities). */
  trustedRoot(): object {
    const start = new Date(Date.now() - 3600_000).toISOString();
    return {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [
        {
          baseUrl: 'https://rekor.shipshape.test',
          hashAlgorithm: 'SHA2_256',
          publicKey: { rawBytes: pemToDer(this.logKey.publicPem).toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
          logId: { keyId: this.logId().toString('base64') },
        },
      ],
      certificateAuthorities: [
        {
          subject: { organization: 'shipshape-test', commonName: this.name },
          uri: 'https://ca.shipshape.test',
          certChain: { certificates: [{ rawBytes: pemToDer(this.caPem).toString('base64') }] },
          validFor: { start },
        },
      ],
      ctlogs: [],
      timestampAuthorities: [],
    };
  }

  /** A leaf certificate for `identity` (SAN URI + Fulcio issuer extension) and its key. */
  issue(identity: Identity): { certDer: Buffer; key: KeyPair } {
    const key = keyPair('ec');
    const n = this.serial++;
    const keyFile = join(this.dir.path, `leaf${n}.key`);
    writeFileSync(keyFile, key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const ext = join(this.dir.path, `leaf${n}.ext`);
    writeFileSync(
      ext,
      [
        `subjectAltName=critical,URI:${identity.subject}`,
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=codeSigning',
        `1.3.6.1.4.1.57264.1.8=ASN1:UTF8String:${identity.issuer}`,
      ].join('\n'),
    );
    execFileSync('openssl', ['req', '-new', '-key', keyFile, '-subj', '/O=sigstore.dev', '-out', join(this.dir.path, `leaf${n}.csr`)], { stdio: 'pipe' });
    execFileSync('openssl', [
      'x509', '-req', '-in', join(this.dir.path, `leaf${n}.csr`), '-CA', join(this.dir.path, 'ca.pem'), '-CAkey', join(this.dir.path, 'ca.key'),
      '-set_serial', String(1000 + n), '-days', '1', '-extfile', ext, '-out', join(this.dir.path, `leaf${n}.pem`),
    ], { stdio: 'pipe' });
    return { certDer: pemToDer(readFileSync(join(this.dir.path, `leaf${n}.pem`), 'utf8')), key };
  }

  private tlogEntry(kind: string, body: object): object {
    const canonicalizedBody = Buffer.from(canonical(body));
    // A few seconds after the leaf was issued: the certificate must be valid at the logged time.
    const integratedTime = Math.floor(Date.now() / 1000) + 5;
    const set = canonical({ body: canonicalizedBody.toString('base64'), integratedTime, logID: this.logId().toString('hex'), logIndex: 0 });
    // A log holding just this entry: its root hash is the RFC 6962 leaf hash, the proof has no hashes, and the
    // checkpoint (a signed note) commits to that root.
    const root = createHash('sha256').update(Buffer.concat([Buffer.from([0]), canonicalizedBody])).digest();
    const note = `rekor.shipshape.test - 1\n1\n${root.toString('base64')}\n`;
    const noteSig = Buffer.concat([this.logId().subarray(0, 4), signBytes(this.logKey.privateKey, Buffer.from(note))]);
    return {
      logIndex: '0',
      logId: { keyId: this.logId().toString('base64') },
      kindVersion: { kind, version: '0.0.1' },
      integratedTime: String(integratedTime),
      inclusionPromise: { signedEntryTimestamp: signBytes(this.logKey.privateKey, Buffer.from(set)).toString('base64') },
      inclusionProof: {
        logIndex: '0',
        rootHash: root.toString('base64'),
        treeSize: '1',
        hashes: [],
        checkpoint: { envelope: `${note}\n\u2014 rekor.shipshape.test ${noteSig.toString('base64')}\n` },
      },
      canonicalizedBody: canonicalizedBody.toString('base64'),
    };
  }

  /** A bundle as `cosign sign --new-bundle-format` makes it: a DSSE envelope over an in-toto statement for `digest`. */
  dsseBundle(identity: Identity, digest: string, opts: { tamper?: boolean } = {}): object {
    const { certDer, key } = this.issue(identity);
    return this.dsse({ certDer, key }, digest, opts);
  }

  /** The same, signed with a key instead of a certificate (`cosign sign --key` with the new bundle format). */
  keyBundle(key: KeyPair, digest: string): object {
    return this.dsse({ key }, digest);
  }

  private dsse(signer: { certDer?: Buffer; key: KeyPair }, digest: string, opts: { tamper?: boolean } = {}): object {
    const { certDer, key } = signer;
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'image', digest: { sha256: digest.slice('sha256:'.length) } }],
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      predicate: {},
    };
    const payload = Buffer.from(JSON.stringify(statement));
    const type = 'application/vnd.in-toto+json';
    const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]);
    const sig = signBytes(key.privateKey, pae);
    const signed = opts.tamper ? Buffer.from(JSON.stringify({ ...statement, predicate: { changed: true } })) : payload;
    const body = {
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        signatures: [{ signature: sig.toString('base64'), verifier: Buffer.from(certDer ? `-----BEGIN CERTIFICATE-----\n${certDer.toString('base64')}\n-----END CERTIFICATE-----\n` : key.publicPem).toString('base64') }],
        payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(signed).digest('hex') },
      },
    };
    return {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { ...(certDer ? { certificate: { rawBytes: certDer.toString('base64') } } : { publicKey: { hint: fingerprint(key.publicPem) } }), tlogEntries: [this.tlogEntry('dsse', body)] },
      dsseEnvelope: { payload: signed.toString('base64'), payloadType: type, signatures: [{ sig: sig.toString('base64'), keyid: '' }] },
    };
  }

  /** A message-signature bundle over the image manifest bytes (hashedrekord entry). */
  messageBundle(identity: Identity, manifestBytes: Buffer): object {
    const { certDer, key } = this.issue(identity);
    const digest = createHash('sha256').update(manifestBytes).digest();
    const sig = signBytes(key.privateKey, manifestBytes);
    const body = {
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: {
        data: { hash: { algorithm: 'sha256', value: digest.toString('hex') } },
        signature: { content: sig.toString('base64'), publicKey: { content: Buffer.from(`-----BEGIN CERTIFICATE-----\n${certDer.toString('base64')}\n-----END CERTIFICATE-----\n`).toString('base64') } },
      },
    };
    return {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { certificate: { rawBytes: certDer.toString('base64') }, tlogEntries: [this.tlogEntry('hashedrekord', body)] },
      messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest: digest.toString('base64') }, signature: sig.toString('base64') },
    };
  }
}

/** Attaches bundles to `subject` as cosign does on registries without the referrers API: artifacts plus the referrers tag. */
export async function pushBundles(push: Pusher, repo: string, subject: Descriptor, bundles: object[]): Promise<void> {
  const empty = await push.blob(repo, '{}', OCI_EMPTY);
  const descriptors: Descriptor[] = [];
  for (const bundle of bundles) {
    const layer = await push.blob(repo, JSON.stringify(bundle), BUNDLE_ARTIFACT);
    const body = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: BUNDLE_ARTIFACT,
      config: { mediaType: OCI_EMPTY, digest: empty.digest, size: empty.size },
      layers: [layer],
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    };
    const artifact = await push.manifest(repo, sha256(Buffer.from(JSON.stringify(body, null, 2))), OCI_MANIFEST, body);
    descriptors.push({ mediaType: OCI_MANIFEST, digest: artifact.digest, size: artifact.size, artifactType: BUNDLE_ARTIFACT });
  }
  await push.manifest(repo, subject.digest.replace(':', '-'), OCI_INDEX, { schemaVersion: 2, mediaType: OCI_INDEX, manifests: descriptors });
}

export interface VerdictImages {
  /** The key that signed `signed`, `moved` (for another digest) and `multi` (at its index digest). */
  key: KeyPair;
  digests: Record<'signed' | 'unsigned' | 'foreign' | 'moved' | 'multi', string>;
}

/**
 * One image per verdict under `team/`: `signed` (with `key`), `unsigned`, `foreign` (another key), `moved` (a
 * payload naming another digest) and `multi` (a multi-arch index signed at the index digest).
 */
export async function pushVerdictImages(push: Pusher): Promise<VerdictImages> {
  const platforms = [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ];
  const key = keyPair();
  const signed = await push.image('team/signed', '1', platforms[0]!);
  await cosignSign(push, 'team/signed', signed.digest, key);
  const unsigned = await push.image('team/unsigned', '1', platforms[0]!);
  const foreign = await push.image('team/foreign', '1', platforms[0]!);
  await cosignSign(push, 'team/foreign', foreign.digest, keyPair());
  const moved = await push.image('team/moved', '1', platforms[0]!);
  const old = await push.image('team/moved', '0', platforms[1]!);
  await cosignSign(push, 'team/moved', moved.digest, key, old.digest);
  const { index } = await push.multiArch('team/multi', '1', platforms);
  await cosignSign(push, 'team/multi', index.digest, key);
  return { key, digests: { signed: signed.digest, unsigned: unsigned.digest, foreign: foreign.digest, moved: moved.digest, multi: index.digest } };
}
