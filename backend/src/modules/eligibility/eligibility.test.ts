import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError } from '../../http/errors.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';
import { assertEligibleToStream, getEligibility, mayBroadcast } from './eligibility.service.ts';

const app = createApp();

async function withFollowers(count: number) {
  const creator = await createTestUser('creator');
  for (let index = 0; index < count; index++) {
    const fan = await createTestUser('fan');
    await prisma.follow.create({ data: { followerId: fan.id, followingId: creator.id } });
  }
  return creator;
}

describe('GET /api/stream/eligibility', () => {
  it('answers the configured rule for the signed-in user (by default everyone may stream)', async () => {
    const { agent } = await signedInAgent(app, 'creator');
    const response = await agent.get('/api/stream/eligibility');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ eligible: true, reason: null, followerCount: 0, required: env.MIN_FOLLOWERS_TO_STREAM });
  });

  it('refuses anonymous callers with 401', async () => {
    const response = await request(app).get('/api/stream/eligibility');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('the go-live gate', () => {
  it('requires the minimum follower count and says how many are missing', async () => {
    const creator = await withFollowers(2);
    const rules = { minFollowers: 3, requireApproval: false, requireVerifiedEmail: false, requireTwoFactor: false };
    expect(await getEligibility(creator.id, rules)).toEqual({
      eligible: false,
      reason: 'You need at least 3 followers to go live; you have 2 so far.',
      followerCount: 2,
      required: 3,
    });
    await expect(assertEligibleToStream(creator.id, rules)).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: 'You need at least 3 followers to go live; you have 2 so far.',
      details: { reason: 'NOT_ELIGIBLE', followerCount: 2, required: 3 },
    });

    const fan = await createTestUser('fan');
    await prisma.follow.create({ data: { followerId: fan.id, followingId: creator.id } });
    expect(await getEligibility(creator.id, rules)).toMatchObject({ eligible: true, reason: null, followerCount: 3 });
    await expect(assertEligibleToStream(creator.id, rules)).resolves.toBeUndefined();
  });

  it('says "1 follower" in the singular', async () => {
    const creator = await withFollowers(0);
    const eligibility = await getEligibility(creator.id, {
      minFollowers: 1,
      requireApproval: false,
      requireVerifiedEmail: false,
      requireTwoFactor: false,
    });
    expect(eligibility.reason).toBe('You need at least 1 follower to go live; you have 0 so far.');
  });

  it('requires admin approval when that is switched on', async () => {
    const creator = await withFollowers(5);
    const rules = { minFollowers: 0, requireApproval: true, requireVerifiedEmail: false, requireTwoFactor: false };
    const before = await getEligibility(creator.id, rules);
    expect(before).toMatchObject({ eligible: false, reason: expect.stringMatching(/approval from an admin/) });
    await expect(assertEligibleToStream(creator.id, rules)).rejects.toBeInstanceOf(AppError);

    await prisma.user.update({ where: { id: creator.id }, data: { creatorApproved: true } });
    expect(await getEligibility(creator.id, rules)).toMatchObject({ eligible: true, reason: null });
  });

  it('requires a confirmed email address when that is switched on, for new keys and for going live', async () => {
    const creator = await withFollowers(0);
    const rules = { minFollowers: 0, requireApproval: false, requireVerifiedEmail: true, requireTwoFactor: false };
    expect(await getEligibility(creator.id, rules)).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/Confirm your email address/),
    });
    expect(await mayBroadcast(creator.id, rules)).toBe(false);

    await prisma.user.update({ where: { id: creator.id }, data: { emailVerified: true } });
    expect(await getEligibility(creator.id, rules)).toMatchObject({ eligible: true, reason: null });
    expect(await mayBroadcast(creator.id, rules)).toBe(true);
  });

  it('requires two-factor sign-in when that is switched on, for new keys and for going live', async () => {
    const creator = await withFollowers(0);
    const rules = { minFollowers: 0, requireApproval: false, requireVerifiedEmail: false, requireTwoFactor: true };
    expect(await getEligibility(creator.id, rules)).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/two-factor/),
    });
    expect(await mayBroadcast(creator.id, rules)).toBe(false);
    await prisma.user.update({ where: { id: creator.id }, data: { twoFactorEnabled: true } });
    expect(await getEligibility(creator.id, rules)).toMatchObject({ eligible: true });
    expect(await mayBroadcast(creator.id, rules)).toBe(true);
  });
});
