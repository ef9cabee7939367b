import { createHmac, createPublicKey, KeyObject } from 'crypto';
import { sameSecret } from '../core/crypto/sameSecret';
import { notAuthenticated } from './services/apiError';

export interface SessionClaims {
  readonly tenancy: string;
  readonly user: string;
  /** The session key pair's public half: requests are signed with its private half. */
  readonly publicKey: KeyObject;
  readonly expiresAt: Date;
}

/**
 * A session token as `oci session authenticate` leaves in security_token_file: a JWT whose
 * `jwk` claim carries the public key that signs the session's requests, which then send
 * keyId `ST$<token>`. Real tokens are signed by OCI's identity service; the emulator signs
 * its own with a secret that lives as long as the emulator does.
 */
export function issueSessionToken(secret: Buffer, claims: SessionClaims): string {
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({
    sub: claims.user,
    tenant: claims.tenancy,
    ttype: 'login',
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(claims.expiresAt.getTime() / 1000),
    jwk: claims.publicKey.export({ format: 'jwk' }),
  });
  return `${header}.${payload}.${sign(secret, `${header}.${payload}`)}`;
}

/** The public key of a `ST$…` keyId, once its token is proven the emulator's own and unexpired. */
export function sessionKey(secret: Buffer, token: string, now: Date): KeyObject {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) {
    throw notAuthenticated('the session token is not a JWT');
  }
  if (!sameSecret(signature, sign(secret, `${header}.${payload}`))) {
    throw notAuthenticated('the session token was not issued by this emulator');
  }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number; jwk: object };
  if (claims.exp * 1000 <= now.getTime()) {
    throw notAuthenticated('the session token has expired');
  }
  return createPublicKey({ key: claims.jwk as never, format: 'jwk' });
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function sign(secret: Buffer, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}
