import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { CHECKPOINT_FORMAT, type ChainHead, type CheckpointBody, type SignedCheckpoint } from '../port/tamper-evidence';
import { canonicalJson } from './canonical-json';

/** The key id a checkpoint names: the first 16 hex digits of SHA-256 of the public key (DER, SPKI). */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Signs a chain head with an Ed25519 private key: the signature covers the body's RFC 8785 text. */
export function signCheckpoint(head: ChainHead, privateKey: KeyObject, signedAt: Date): SignedCheckpoint {
  const body: CheckpointBody = {
    format: CHECKPOINT_FORMAT,
    events: head.events,
    position: head.position,
    logHash: head.logHash,
    streams: head.streams,
    streamHeadsDigest: head.streamHeadsDigest,
    signedAt: signedAt.toISOString(),
    keyId: keyIdOf(privateKey),
  };
  return { body, signature: sign(null, Buffer.from(canonicalJson(body), 'utf8'), privateKey).toString('base64') };
}

/** Whether a checkpoint's signature holds under the public key (false for another key's checkpoint or a changed body). */
export function checkpointSignatureHolds(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(checkpoint.body), 'utf8'), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}
