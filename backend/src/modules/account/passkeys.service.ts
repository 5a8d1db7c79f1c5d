import { randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { env } from '../../config/env.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { prisma } from '../../lib/prisma.ts';
import { enforceRateLimit } from '../rate-limit/rate-limit.service.ts';

/**
 * Passkeys (WebAuthn) on @simplewebauthn/server: better-auth's own passkey plugin is not served for this
 * better-auth version (decision 023). Each ceremony's challenge is a Verification row, used once, for 5 minutes;
 * the page gets its id with the options and sends it back with the authenticator's answer.
 */

const CHALLENGE_MS = 5 * 60_000;
const site = new URL(env.PUBLIC_URL);
const RP = { name: 'Streamhouse', id: site.hostname, origin: site.origin };

/** Options for navigator.credentials (PublicKeyCredential{Creation,Request}OptionsJSON), and the challenge's id. */
type Ceremony = { challengeId: string; options: { challenge: string } & Record<string, unknown> };

export type PasskeyItem = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

const registrationKey = (userId: string, challengeId: string) => `passkey-register:${userId}:${challengeId}`;
const signInKey = (challengeId: string) => `passkey-sign-in:${challengeId}`;

async function saveChallenge(identifier: string, challenge: string): Promise<void> {
  await prisma.verification.create({
    data: { id: randomBytes(16).toString('hex'), identifier, value: challenge, expiresAt: new Date(Date.now() + CHALLENGE_MS) },
  });
}

/** The challenge, once: a second use (or a late one) finds nothing. */
async function takeChallenge(identifier: string): Promise<string> {
  const row = await prisma.verification.findFirst({ where: { identifier, expiresAt: { gt: new Date() } } });
  const taken = row ? (await prisma.verification.deleteMany({ where: { id: row.id } })).count : 0;
  if (!row || !taken) throw new AppError(400, 'BAD_REQUEST', 'That passkey request expired. Please try again.');
  return row.value;
}

const failed = () => new AppError(400, 'BAD_REQUEST', 'The passkey could not be checked. Please try again.');

export async function registrationOptions(user: { id: string; username: string; displayUsername: string }): Promise<Ceremony> {
  const existing = await prisma.passkey.findMany({
    where: { userId: user.id },
    select: { credentialId: true, transports: true },
  });
  const options = await generateRegistrationOptions({
    rpName: RP.name,
    rpID: RP.id,
    userName: user.displayUsername,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    // A passkey proper: kept by the authenticator, unlocked by the person (PIN, fingerprint, face).
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports as AuthenticatorTransport[],
    })),
  });
  const challengeId = randomBytes(16).toString('hex');
  await saveChallenge(registrationKey(user.id, challengeId), options.challenge);
  return { challengeId, options: { ...options } };
}

export async function registerPasskey(
  userId: string,
  input: { challengeId: string; name: string; response: RegistrationResponseJSON },
): Promise<PasskeyItem> {
  const challenge = await takeChallenge(registrationKey(userId, input.challengeId));
  const verified = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: RP.origin,
    expectedRPID: RP.id,
    requireUserVerification: true,
  }).catch(() => undefined);
  if (!verified?.verified || !verified.registrationInfo) throw failed();
  const { credential } = verified.registrationInfo;
  const saved = await prisma.passkey
    .create({
      data: {
        userId,
        name: input.name,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
      },
    })
    .catch(() => {
      throw new AppError(409, 'CONFLICT', 'This passkey is already added.');
    });
  return toItem(saved);
}

const toItem = (row: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }): PasskeyItem => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export async function listPasskeys(userId: string): Promise<PasskeyItem[]> {
  const rows = await prisma.passkey.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  return rows.map(toItem);
}

export async function removePasskey(userId: string, id: string): Promise<void> {
  const { count } = await prisma.passkey.deleteMany({ where: { id, userId } });
  if (!count) throw notFound('That passkey is already removed.');
}

/** Sign-in ceremonies per network: each stores a challenge, so a script cannot fill the table. */
export const PASSKEY_SIGN_IN_OPTIONS_LIMIT = { limit: 30, windowMs: 10 * 60_000 } as const;

/** Options for "Sign in with a passkey": any passkey of this site (the authenticator offers its own). */
export async function signInOptions(network: string): Promise<Ceremony> {
  await enforceRateLimit(
    `passkey-options:ip:${network}`,
    PASSKEY_SIGN_IN_OPTIONS_LIMIT,
    (when) => `Too many passkey sign-ins from your network. Please try again ${when}.`,
  );
  const options = await generateAuthenticationOptions({ rpID: RP.id, userVerification: 'required' });
  const challengeId = randomBytes(16).toString('hex');
  await saveChallenge(signInKey(challengeId), options.challenge);
  return { challengeId, options: { ...options } };
}

/** Checks a passkey sign-in and answers whose it is (the caller starts the session). */
export async function verifyPasskeySignIn(input: { challengeId: string; response: AuthenticationResponseJSON }): Promise<string> {
  const challenge = await takeChallenge(signInKey(input.challengeId));
  const passkey = await prisma.passkey.findUnique({ where: { credentialId: input.response.id } });
  if (!passkey) throw failed();
  const verified = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: RP.origin,
    expectedRPID: RP.id,
    requireUserVerification: true,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports as AuthenticatorTransport[],
    },
  }).catch(() => undefined);
  if (!verified?.verified) throw failed();
  // A counter that did not move forward (when the authenticator keeps one) is a cloned key.
  const updated = await prisma.passkey.updateMany({
    where: {
      id: passkey.id,
      ...(verified.authenticationInfo.newCounter > 0 && { counter: { lt: BigInt(verified.authenticationInfo.newCounter) } }),
    },
    data: { counter: BigInt(verified.authenticationInfo.newCounter), lastUsedAt: new Date() },
  });
  if (!updated.count) throw failed();
  return passkey.userId;
}
