import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';

/** The code an authenticator app shows now for an otpauth:// URI (what a person would type). */
export function totpCode(totpUri: string): Promise<string> {
  const secret = new URL(totpUri).searchParams.get('secret');
  if (!secret) throw new Error(`no secret in ${totpUri}`);
  return createOTP(new TextDecoder().decode(base32.decode(secret))).totp();
}
