import { accepted, apiRouter, created, noBody, noContent, ok } from '../../http/api-router.ts';
import { security } from '../../http/api-security.ts';
import { clientNetworkOf } from '../../lib/client-network.ts';
import { requireUser, signedInSessionId, signedInUser } from '../auth/auth.guards.ts';
import {
  addPasskeyBody,
  passkeyCeremony,
  passkeyItem,
  passkeyList,
  passkeyParams,
  accountExport,
  accountSessions,
  deleteAccountBody,
  emailChange,
  emailChangeBody,
  endedSessions,
  passwordResetRequestBody,
  requestAccepted,
  sessionParams,
} from './account.schemas.ts';
import { changeEmail, resendEmailConfirmation } from './email.service.ts';
import { deleteAccount } from './account-deletion.service.ts';
import { exportAccount } from './account-export.service.ts';
import { listPasskeys, registerPasskey, registrationOptions, removePasskey, signInOptions } from './passkeys.service.ts';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { requestPasswordReset } from './password-reset.service.ts';
import { endOtherSessions, endSession, listSessions } from './sessions.service.ts';

/**
 * /api/account: recovering and securing one's own account. Setting the new password (with the mailed token),
 * changing it, and following a confirmation link are better-auth's own routes under /api/auth.
 */
export const accountApi = apiRouter('/api/account', {
  tag: 'Accounts',
  description: 'Password reset requests, email address and confirmation, and the sessions signed in to your account.',
});

accountApi.post('/password-reset', {
  summary: 'Mail a password reset link',
  description:
    'To the account with that email address or username, if there is one; the answer is the same either way. The link works once, for 30 minutes; setting the new password (POST /api/auth/reset-password) signs out every session.',
  security: [security.anonymous],
  body: passwordResetRequestBody,
  responses: { 202: requestAccepted },
  errors: { 429: 'Too many requests from this network, or for this account (`retryAfterMs`).' },
  handler: async ({ body }, req) => {
    await requestPasswordReset(body.login, clientNetworkOf(req.ip));
    return accepted({
      message: 'If an account matches, we sent a link to its email address. It works for 30 minutes.',
    });
  },
});

accountApi.post('/email-confirmation', {
  summary: 'Send the link that confirms your email address again',
  guards: [requireUser],
  body: noBody,
  responses: { 202: requestAccepted },
  errors: { 409: 'Already confirmed.', 429: 'Several links were sent within the hour (`retryAfterMs`).' },
  handler: async (_input, req) => {
    const user = signedInUser(req.user);
    await resendEmailConfirmation(user);
    return accepted({ message: `We sent a new link to ${user.email}.` });
  },
});

accountApi.post('/email', {
  summary: 'Change your email address',
  description:
    'A confirmed address changes once the new one confirms (the old one is told); an unconfirmed one changes at once and the new one gets the link.',
  guards: [requireUser],
  body: emailChangeBody,
  responses: { 200: emailChange },
  errors: { 400: 'The same address as now, or not an address.', 429: 'Too many changes within the hour (`retryAfterMs`).' },
  handler: async ({ body }, req) => ok(await changeEmail(signedInUser(req.user), body.email, req.headers)),
});

accountApi.get('/sessions', {
  summary: 'The sessions signed in to your account',
  guards: [requireUser],
  responses: { 200: accountSessions },
  handler: async (_input, req) =>
    ok({ sessions: await listSessions(signedInUser(req.user).id, signedInSessionId(req.sessionId)) }),
});

accountApi.delete('/sessions/:sessionId', {
  summary: 'Sign out one of your sessions',
  description: 'It stops working at once on every backend instance.',
  guards: [requireUser],
  params: sessionParams,
  responses: { 204: { description: 'Signed out.' } },
  errors: { 404: 'No such session of yours (or it already ended).' },
  handler: async ({ params }, req) => {
    await endSession(signedInUser(req.user).id, params.sessionId);
    return noContent();
  },
});

accountApi.post('/sessions/end-others', {
  summary: 'Sign out every session but this one',
  guards: [requireUser],
  body: noBody,
  responses: { 200: endedSessions },
  handler: async (_input, req) =>
    ok({ ended: await endOtherSessions(signedInUser(req.user).id, signedInSessionId(req.sessionId)) }),
});

accountApi.get('/export', {
  summary: 'Download everything the site keeps about your account',
  description: 'A JSON file: profile, channel settings, follows, blocks, chat messages, replays and broadcast figures.',
  guards: [requireUser],
  responses: { 200: accountExport },
  handler: async (_input, req) => {
    const user = signedInUser(req.user);
    const day = new Date().toISOString().slice(0, 10);
    return ok(await exportAccount(user.id), {
      'Content-Disposition': `attachment; filename="streamhouse-${user.username}-${day}.json"`,
      'Cache-Control': 'no-store',
    });
  },
});

accountApi.post('/delete', {
  summary: 'Delete your account and everything of it',
  description:
    'Confirmed with the password (counted like a sign-in attempt), and with two-factor sign-in on, a code. The broadcast ends, keys stop working, replays and pictures are removed, follows, blocks and sessions go; chat messages in other channels stay as “deleted user”.',
  guards: [requireUser],
  body: deleteAccountBody,
  responses: { 204: { description: 'Deleted; the session cookie no longer works.' } },
  errors: {
    400: 'Not the password (`WRONG_PASSWORD`); with two-factor sign-in on, no code (`CODE_NEEDED`) or a wrong one (`WRONG_CODE`).',
    404: 'Already deleted (a second request at the same time).',
    429: 'Too many password attempts (`retryAfterMs`).',
  },
  handler: async ({ body }, req) => {
    await deleteAccount(signedInUser(req.user).id, body, req.headers, req.ip ?? 'unknown');
    return noContent();
  },
});

accountApi.get('/passkeys', {
  summary: 'Your passkeys',
  guards: [requireUser],
  responses: { 200: passkeyList },
  handler: async (_input, req) => ok({ passkeys: await listPasskeys(signedInUser(req.user).id) }),
});

accountApi.post('/passkeys/registration-options', {
  summary: 'Start adding a passkey',
  description: 'Answers the options for navigator.credentials.create(); send its answer to POST /api/account/passkeys.',
  guards: [requireUser],
  body: noBody,
  responses: { 200: passkeyCeremony },
  handler: async (_input, req) => {
    const user = signedInUser(req.user);
    return ok(
      await registrationOptions({ id: user.id, username: user.username ?? '', displayUsername: user.displayUsername ?? '' }),
    );
  },
});

accountApi.post('/passkeys', {
  summary: 'Add a passkey',
  description: "The authenticator's answer to the registration options, checked against their challenge (used once).",
  guards: [requireUser],
  body: addPasskeyBody,
  responses: { 201: passkeyItem },
  errors: { 400: 'Expired challenge, or an answer that does not check out.', 409: 'That passkey is already added.' },
  handler: async ({ body }, req) =>
    created(
      await registerPasskey(signedInUser(req.user).id, {
        challengeId: body.challengeId,
        name: body.name,
        response: body.response as unknown as RegistrationResponseJSON,
      }),
    ),
});

accountApi.delete('/passkeys/:passkeyId', {
  summary: 'Remove a passkey',
  guards: [requireUser],
  params: passkeyParams,
  responses: { 204: { description: 'Removed; it signs nobody in any more.' } },
  errors: { 404: 'No such passkey of yours.' },
  handler: async ({ params }, req) => {
    await removePasskey(signedInUser(req.user).id, params.passkeyId);
    return noContent();
  },
});

accountApi.post('/passkeys/sign-in-options', {
  summary: 'Start signing in with a passkey',
  description: 'Answers the options for navigator.credentials.get(); send its answer to POST /api/auth/passkey/sign-in.',
  security: [security.anonymous],
  body: noBody,
  responses: { 200: passkeyCeremony },
  errors: { 429: 'Too many from this network (`retryAfterMs`).' },
  handler: async (_input, req) => ok(await signInOptions(clientNetworkOf(req.ip))),
});
