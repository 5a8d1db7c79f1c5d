import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { CreatorAccess, CreatorRequestBody, CreatorRequestItem, DecisionBody } from './admin.schemas.ts';
import { endBroadcasting } from '../live/broadcast-control.service.ts';
import { mayBroadcast } from '../eligibility/eligibility.service.ts';

/**
 * Whether a user is an admin: only an operator makes one, on an existing account (`pnpm admin:grant`); nothing a
 * visitor can do at sign-up does. Read on every request, so a grant (or a removal) holds without a new sign-in.
 */
export async function isAdmin(user: { id: string }): Promise<boolean> {
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { isAdmin: true } });
  return row?.isAdmin ?? false;
}

/** Makes a user an admin by username (the `pnpm admin:grant` script). */
export async function grantAdmin(username: string): Promise<{ id: string; displayUsername: string }> {
  const user = await prisma.user.findUnique({
    where: { username: username.toLowerCase() },
    select: { id: true, displayUsername: true },
  });
  if (!user) throw notFound(`No user named ${username}.`);
  await prisma.user.update({ where: { id: user.id }, data: { isAdmin: true } });
  return user;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function getCreatorAccess(userId: string): Promise<CreatorAccess> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { creatorApproved: true, creatorRequest: true } });
  if (!user) throw notFound('No such user.');
  const request = user.creatorRequest;
  return {
    required: env.REQUIRE_CREATOR_APPROVAL,
    approved: user.creatorApproved,
    request: request
      ? {
          status: request.status,
          note: request.note,
          reason: request.reason,
          createdAt: request.createdAt.toISOString(),
          decidedAt: iso(request.decidedAt),
        }
      : null,
  };
}

/**
 * A creator asks to stream. Asking again while pending updates the note; after a decline it reopens the
 * request (the old reason is cleared). An approved creator has nothing to ask for (409).
 */
export async function requestCreatorAccess(userId: string, body: CreatorRequestBody): Promise<CreatorAccess> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { creatorApproved: true } });
  if (!user) throw notFound('No such user.');
  if (user.creatorApproved) throw new AppError(409, 'CONFLICT', 'You are already approved to stream.');
  const fields = { status: 'PENDING' as const, note: body.note ?? null, reason: null, decidedBy: null, decidedAt: null };
  await prisma.creatorRequest.upsert({
    where: { userId },
    create: { userId, ...fields },
    update: { ...fields, createdAt: new Date() },
  });
  return getCreatorAccess(userId);
}

export async function listCreatorRequests(status: CreatorRequestItem['status']): Promise<CreatorRequestItem[]> {
  const rows = await prisma.creatorRequest.findMany({
    where: { status },
    orderBy: { createdAt: 'asc' },
    take: 200,
    include: { user: { select: { displayUsername: true, name: true, image: true, _count: { select: { followers: true } } } } },
  });
  return rows.map((row) => ({
    userId: row.userId,
    username: row.user.displayUsername,
    name: row.user.name,
    image: row.user.image,
    followerCount: row.user._count.followers,
    status: row.status,
    note: row.note,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: iso(row.decidedAt),
  }));
}

/**
 * Approves or declines a request, with a reason the creator sees. The go-live gate reads
 * User.creatorApproved on every key or token request and every go-live, so the decision holds at once, without a
 * new sign-in. Declining revokes everything at once: stream keys stop working, a running broadcast ends (the
 * publisher leaves the room, the stream goes offline, its recording stops).
 */
export async function decideCreatorRequest(adminId: string, userId: string, body: DecisionBody): Promise<CreatorRequestItem> {
  const approved = body.decision === 'APPROVED';
  if (!approved && !body.reason) {
    throw new AppError(400, 'VALIDATION_FAILED', 'Invalid input — reason: say why, the creator sees it.', {
      fields: [{ path: 'reason', message: 'say why, the creator sees it' }],
    });
  }
  await prisma.$transaction(async (tx) => {
    const existing = await tx.creatorRequest.findUnique({ where: { userId }, select: { userId: true } });
    if (!existing) throw notFound('No request from this user.');
    await tx.creatorRequest.update({
      where: { userId },
      data: { status: body.decision, reason: body.reason || null, decidedBy: adminId, decidedAt: new Date() },
    });
    await tx.user.update({ where: { id: userId }, data: { creatorApproved: approved } });
  });
  if (!approved && !(await mayBroadcast(userId))) await endBroadcasting(userId);
  const [item] = (await listCreatorRequests(body.decision)).filter((each) => each.userId === userId);
  return item!;
}
