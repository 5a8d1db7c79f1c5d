import { z } from 'zod';
import { CREATOR_NOTE_MAX_LENGTH, DECISION_REASON_MAX_LENGTH } from '@streamhouse/contract';
import { multiLineText, singleLineText } from '../../http/text-policy.ts';

export const creatorRequestBody = z
  .strictObject({ note: multiLineText({ max: CREATOR_NOTE_MAX_LENGTH }).optional() })
  .meta({ description: 'An optional note to the admins (what you will stream).' });

export const decisionBody = z.strictObject({
  decision: z.enum(['APPROVED', 'DECLINED'], { error: 'decision must be "APPROVED" or "DECLINED"' }),
  /** Shown to the creator. */
  reason: singleLineText({ max: DECISION_REASON_MAX_LENGTH }).optional(),
});

export const userIdParams = z.strictObject({ userId: z.string().trim().min(1).max(64, 'must be a user id') });

export const creatorRequestsQuery = z.strictObject({
  status: z
    .enum(['PENDING', 'APPROVED', 'DECLINED'], { error: 'status must be PENDING, APPROVED or DECLINED' })
    .default('PENDING'),
});

export type CreatorRequestBody = z.infer<typeof creatorRequestBody>;
export type DecisionBody = z.infer<typeof decisionBody>;

// ── Responses

const requestStatus = z.enum(['PENDING', 'APPROVED', 'DECLINED']).meta({ id: 'CreatorRequestStatus' });

export const creatorAccess = z
  .strictObject({
    required: z
      .boolean()
      .meta({ description: 'Whether this site needs an admin to approve creators (REQUIRE_CREATOR_APPROVAL).' }),
    approved: z.boolean(),
    request: z
      .strictObject({
        status: requestStatus,
        note: z.string().nullable(),
        reason: z.string().nullable().meta({ description: "The admin's reason, once decided." }),
        createdAt: z.iso.datetime(),
        decidedAt: z.iso.datetime().nullable(),
      })
      .nullable(),
  })
  .meta({
    id: 'CreatorAccess',
    description: "The caller's standing as a creator: approved or not, and their request if they made one.",
  });

export const creatorRequestItem = z
  .strictObject({
    userId: z.string(),
    username: z.string(),
    name: z.string(),
    image: z.string().nullable(),
    followerCount: z.number().int().min(0),
    status: requestStatus,
    note: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CreatorRequestItem' });

export const creatorRequestList = z
  .strictObject({ items: z.array(creatorRequestItem) })
  .meta({ id: 'CreatorRequestList', description: 'Requests with the status asked for, oldest first (at most 200).' });

export type CreatorAccess = z.infer<typeof creatorAccess>;
export type CreatorRequestItem = z.infer<typeof creatorRequestItem>;
