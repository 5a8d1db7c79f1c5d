import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { Eligibility } from './eligibility.schemas.ts';

export type EligibilityRules = {
  minFollowers: number;
  requireApproval: boolean;
  requireVerifiedEmail: boolean;
  requireTwoFactor: boolean;
};

/** The configured go-live gate; tests pass their own rules. */
export const configuredRules = (): EligibilityRules => ({
  minFollowers: env.MIN_FOLLOWERS_TO_STREAM,
  requireApproval: env.REQUIRE_CREATOR_APPROVAL,
  requireVerifiedEmail: env.REQUIRE_VERIFIED_EMAIL,
  requireTwoFactor: env.REQUIRE_TWO_FACTOR_FOR_CREATORS,
});

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Whether a user may create a stream key, and if not, why in words. */
export async function getEligibility(userId: string, rules: EligibilityRules = configuredRules()): Promise<Eligibility> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { creatorApproved: true, emailVerified: true, twoFactorEnabled: true, _count: { select: { followers: true } } },
  });
  if (!user) throw notFound('No such user.');
  const followerCount = user._count.followers;
  const required = rules.minFollowers;
  let reason: string | null = null;
  if (rules.requireVerifiedEmail && !user.emailVerified) {
    reason = 'Confirm your email address before you go live: open the link we sent you (Settings can send a new one).';
  } else if (rules.requireTwoFactor && !user.twoFactorEnabled) {
    reason = 'Turn on two-factor sign-in (Settings → Two-factor sign-in) before you go live: it keeps your channel yours.';
  } else if (rules.requireApproval && !user.creatorApproved) {
    reason = 'Streaming on this site needs approval from an admin, and your account has not been approved yet.';
  } else if (followerCount < required) {
    reason = `You need at least ${plural(required, 'follower')} to go live; you have ${followerCount} so far.`;
  }
  return { eligible: reason === null, reason, followerCount, required };
}

/** The go-live gate for services that create stream keys: throws 403 with the sentence when not eligible. */
export async function assertEligibleToStream(userId: string, rules: EligibilityRules = configuredRules()): Promise<void> {
  const eligibility = await getEligibility(userId, rules);
  if (!eligibility.eligible) {
    throw forbidden(eligibility.reason!, {
      reason: 'NOT_ELIGIBLE',
      followerCount: eligibility.followerCount,
      required: eligibility.required,
    });
  }
}

/**
 * Whether a creator may be live at all right now: with REQUIRE_CREATOR_APPROVAL, only while approved; with
 * REQUIRE_VERIFIED_EMAIL, only with a confirmed address; with REQUIRE_TWO_FACTOR_FOR_CREATORS, only with two-factor
 * sign-in on. Checked on every go-live (webhook or reconciliation), so a
 * revoked creator's old key or unexpired token never puts them on air. The follower gate applies when keys and
 * tokens are made, not to a broadcast already running.
 */
export async function mayBroadcast(userId: string, rules: EligibilityRules = configuredRules()): Promise<boolean> {
  if (!rules.requireApproval && !rules.requireVerifiedEmail && !rules.requireTwoFactor) return true;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { creatorApproved: true, emailVerified: true, twoFactorEnabled: true },
  });
  if (!user) return false;
  return (
    (!rules.requireApproval || user.creatorApproved) &&
    (!rules.requireVerifiedEmail || user.emailVerified) &&
    (!rules.requireTwoFactor || user.twoFactorEnabled)
  );
}
