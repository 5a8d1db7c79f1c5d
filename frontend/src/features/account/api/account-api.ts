import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type AccountSession = Schema<'AccountSession'>;
export type EmailChange = Schema<'EmailChange'>;

/** Mails a reset link to the account with that email or username (the answer is the same if there is none). */
export async function requestPasswordReset(login: string): Promise<string> {
  return (await unwrap(client.POST('/api/account/password-reset', { body: { login } }))).message;
}

export async function resetPassword(token: string, newPassword: string): Promise<void> {
  await unwrap(client.POST('/api/auth/reset-password', { body: { token, newPassword } }));
}

export async function changePassword(input: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean }) {
  await unwrap(client.POST('/api/auth/change-password', { body: input }));
}

export async function resendEmailConfirmation(): Promise<string> {
  return (await unwrap(client.POST('/api/account/email-confirmation'))).message;
}

export async function changeEmail(email: string): Promise<EmailChange> {
  return unwrap(client.POST('/api/account/email', { body: { email } }));
}

export async function listSessions(signal?: AbortSignal): Promise<{ sessions: AccountSession[] }> {
  return unwrap(client.GET('/api/account/sessions', { signal }));
}

export async function endSession(sessionId: string): Promise<void> {
  await unwrap(client.DELETE('/api/account/sessions/{sessionId}', { params: { path: { sessionId } } }));
}

export async function endOtherSessions(): Promise<number> {
  return (await unwrap(client.POST('/api/account/sessions/end-others'))).ended;
}

/** The JSON file of everything the site keeps about the account (the browser downloads it). */
export const ACCOUNT_EXPORT_URL = '/api/account/export';

/** With two-factor sign-in on, `code` is the app's code or a backup code. */
export async function deleteAccount(password: string, code?: string): Promise<void> {
  await unwrap(client.POST('/api/account/delete', { body: code ? { password, code } : { password } }));
}

export type TwoFactorSetup = { totpURI: string; backupCodes: string[] };

/** Starts setting up the authenticator app: it is on once a first code is entered (confirmTwoFactor). */
export async function startTwoFactor(password: string): Promise<TwoFactorSetup> {
  const { totpURI, backupCodes } = await unwrap(client.POST('/api/auth/two-factor/enable', { body: { password } }));
  return { totpURI, backupCodes };
}

export async function confirmTwoFactor(code: string): Promise<void> {
  await unwrap(client.POST('/api/auth/two-factor/verify-totp', { body: { code } }));
}

export async function turnOffTwoFactor(password: string): Promise<void> {
  await unwrap(client.POST('/api/auth/two-factor/disable', { body: { password } }));
}

export async function renewBackupCodes(password: string): Promise<string[]> {
  return (await unwrap(client.POST('/api/auth/two-factor/generate-backup-codes', { body: { password } }))).backupCodes;
}

export type Passkey = Schema<'Passkey'>;

export async function listPasskeys(signal?: AbortSignal): Promise<{ passkeys: Passkey[] }> {
  return unwrap(client.GET('/api/account/passkeys', { signal }));
}

/** Asks the browser (and its authenticator: the device's lock, a phone, a security key) for a new passkey. */
export async function addPasskey(name: string): Promise<Passkey> {
  const { startRegistration } = await import('@simplewebauthn/browser');
  const { challengeId, options } = await unwrap(client.POST('/api/account/passkeys/registration-options'));
  const response = await startRegistration({
    optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'],
  });
  return unwrap(
    client.POST('/api/account/passkeys', { body: { challengeId, name, response: { ...response, type: 'public-key' } } }),
  );
}

export async function removePasskey(passkeyId: string): Promise<void> {
  await unwrap(client.DELETE('/api/account/passkeys/{passkeyId}', { params: { path: { passkeyId } } }));
}
