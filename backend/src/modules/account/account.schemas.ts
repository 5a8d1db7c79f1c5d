import { z } from 'zod';
import { PASSKEY_NAME_MAX_LENGTH } from '@streamhouse/contract';

export const passwordResetRequestBody = z.strictObject({
  /** The account's email address or username. */
  login: z.string().trim().min(1, 'Enter your email address or username.').max(320),
});

export const emailChangeBody = z.strictObject({ email: z.email('Enter a valid email address.').max(254) });

export const sessionParams = z.object({ sessionId: z.string().min(1).max(100) });

export const requestAccepted = z
  .object({ message: z.string() })
  .meta({ id: 'RequestAccepted', description: 'Taken; what happens next, in words.' });

export const emailChange = z
  .object({
    /** `changed`: the (unconfirmed) address changed now and a link went to it; `confirming`: it changes once the new address confirms. */
    status: z.enum(['changed', 'confirming']),
    message: z.string(),
  })
  .meta({ id: 'EmailChange' });

export const accountSession = z
  .object({
    id: z.string(),
    /** From the browser's user agent, e.g. "Firefox on Windows"; nothing more precise is kept. */
    device: z.string(),
    signedInAt: z.iso.datetime(),
    /** When the session was last renewed (at most once a day while in use). */
    lastActiveAt: z.iso.datetime(),
    /** The session this request came from. */
    current: z.boolean(),
  })
  .meta({ id: 'AccountSession' });

export const accountSessions = z.object({ sessions: z.array(accountSession) }).meta({ id: 'AccountSessions' });

export const endedSessions = z.object({ ended: z.number().int().min(0) }).meta({ id: 'EndedSessions' });

export type AccountSession = z.infer<typeof accountSession>;

export const deleteAccountBody = z.strictObject({
  /** The account's password, to confirm. */
  password: z.string().min(1, 'Enter your password to confirm.').max(256),
  /** With two-factor sign-in on: a code from the authenticator app, or a backup code. */
  code: z.string().trim().min(1).max(32).optional(),
});

const instant = z.iso.datetime();
const dated = z.object({ username: z.string(), since: instant });

export const accountExport = z
  .object({
    exportedAt: instant,
    profile: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      email: z.string(),
      emailConfirmed: z.boolean(),
      bio: z.string().nullable(),
      image: z.string().nullable(),
      createdAt: instant,
      followers: z.number().int(),
    }),
    channel: z
      .object({
        title: z.string(),
        description: z.string().nullable(),
        category: z.string().nullable(),
        tags: z.array(z.string()),
        chatEnabled: z.boolean(),
        followersOnlyChat: z.boolean(),
        guestsMayChat: z.boolean(),
        slowModeSeconds: z.number().int(),
        scheduledAt: instant.nullable(),
        recording: z
          .object({ enabled: z.boolean(), visibility: z.string(), retentionDays: z.number().int().nullable() })
          .nullable(),
      })
      .nullable(),
    following: z.array(dated),
    blocked: z.array(dated),
    chatMessages: z.array(
      z.object({ channel: z.string().nullable(), body: z.string(), sentAt: instant, deletedAt: instant.nullable() }),
    ),
    replays: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        recordedAt: instant,
        endedAt: instant.nullable(),
        durationMs: z.number().int().nullable(),
        sizeBytes: z.number().nullable(),
      }),
    ),
    broadcasts: z.array(
      z.object({
        startedAt: instant,
        endedAt: instant.nullable(),
        peakViewers: z.number().int(),
        viewerVisits: z.number().int(),
        chatMessages: z.number().int(),
      }),
    ),
    sessions: z.array(z.object({ signedInAt: instant, lastActiveAt: instant, userAgent: z.string().nullable() })),
  })
  .meta({ id: 'AccountExport', description: 'Everything the site keeps about your account (no secrets).' });

export type AccountExport = z.infer<typeof accountExport>;

// ── Passkeys (WebAuthn): the options and answers are the standard JSON forms (@simplewebauthn).

export const passkeyCeremony = z
  .object({
    /** Sent back with the authenticator's answer: names the challenge (single-use, 5 minutes). */
    challengeId: z.string(),
    /** PublicKeyCredentialCreationOptionsJSON or …RequestOptionsJSON, for navigator.credentials. */
    options: z.looseObject({ challenge: z.string() }),
  })
  .meta({ id: 'PasskeyCeremony' });

const webAuthnResponse = z.looseObject({ id: z.string().max(2048), type: z.literal('public-key') });

export const addPasskeyBody = z.strictObject({
  challengeId: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'Give the passkey a name.').max(PASSKEY_NAME_MAX_LENGTH),
  response: webAuthnResponse,
});

export const passkeyItem = z
  .object({ id: z.string(), name: z.string(), createdAt: z.iso.datetime(), lastUsedAt: z.iso.datetime().nullable() })
  .meta({ id: 'Passkey' });

export const passkeyList = z.object({ passkeys: z.array(passkeyItem) }).meta({ id: 'Passkeys' });

export const passkeyParams = z.object({ passkeyId: z.string().min(1).max(100) });
