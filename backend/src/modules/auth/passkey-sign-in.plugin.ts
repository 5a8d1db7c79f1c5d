import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { AppError } from '../../http/errors.ts';
import { verifyPasskeySignIn } from '../account/passkeys.service.ts';

/**
 * "Sign in with a passkey" as a better-auth endpoint (POST /api/auth/passkey/sign-in), so the session it starts is
 * better-auth's own (cookie, row, hooks). The passkey itself is checked by the account module (passkeys.service).
 * A passkey needs the person's PIN or biometrics on their device, so it stands for both factors.
 */
export const passkeySignIn = () =>
  ({
    id: 'streamhouse-passkey-sign-in',
    endpoints: {
      signInWithPasskey: createAuthEndpoint(
        '/passkey/sign-in',
        {
          method: 'POST',
          body: z.object({ challengeId: z.string().min(1).max(64), response: z.looseObject({ id: z.string().max(2048) }) }),
        },
        async (ctx) => {
          let userId: string;
          try {
            userId = await verifyPasskeySignIn({
              challengeId: ctx.body.challengeId,
              response: ctx.body.response as unknown as AuthenticationResponseJSON,
            });
          } catch (error) {
            if (error instanceof AppError) throw new APIError('UNAUTHORIZED', { code: 'PASSKEY_FAILED', message: error.message });
            throw error;
          }
          const user = await ctx.context.internalAdapter.findUserById(userId);
          if (!user)
            throw new APIError('UNAUTHORIZED', { code: 'PASSKEY_FAILED', message: 'That passkey belongs to no account.' });
          const session = await ctx.context.internalAdapter.createSession(userId);
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ token: session.token, user });
        },
      ),
    },
  }) satisfies BetterAuthPlugin;
