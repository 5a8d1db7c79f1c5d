import type { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { hitRateLimit } from '../rate-limit/rate-limit.service.ts';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageType } from './uploads.schemas.ts';

/** Enough to try a dozen avatars and thumbnails in an hour; a script filling the database is stopped. */
export const UPLOAD_LIMITS = {
  perHour: 20,
  /** Bytes one user may keep stored (images in use plus recent unused ones, which are collected). */
  storedBytes: 20 * 1024 * 1024,
  /** An upload nobody points at (no avatar, no thumbnail) is removed after this long. */
  orphanAfterMs: 60 * 60_000,
} as const;

async function assertWithinUploadRate(ownerId: string): Promise<void> {
  const rate = await hitRateLimit(`upload:${ownerId}`, UPLOAD_LIMITS.perHour, 60 * 60_000);
  if (!rate.allowed)
    throw new AppError(429, 'RATE_LIMITED', 'You have uploaded many images in the last hour. Try again later.', {
      retryAfterMs: rate.retryAfterMs,
    });
}

/** Inside the owner's locked transaction: what is stored plus this upload stays within the quota. */
async function assertWithinQuota(tx: Prisma.TransactionClient, ownerId: string, size: number): Promise<void> {
  const [{ stored }] = await tx.$queryRaw<[{ stored: number }]>`
    SELECT COALESCE(SUM(octet_length("bytes")), 0)::float8 AS "stored" FROM "Upload" WHERE "ownerId" = ${ownerId}`;
  if (stored + size > UPLOAD_LIMITS.storedBytes)
    throw new AppError(
      413,
      'PAYLOAD_TOO_LARGE',
      `You can keep up to ${UPLOAD_LIMITS.storedBytes / 1024 / 1024} MB of images. Unused ones are removed within an hour.`,
      {
        reason: 'QUOTA',
      },
    );
}

/** The type the bytes really are, by their signature; the client's Content-Type is not trusted. */
export function detectImageType(bytes: Buffer): ImageType | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('ascii') === 'RIFF' && bytes.subarray(8, 12).toString('ascii') === 'WEBP')
    return 'image/webp';
  if (['GIF87a', 'GIF89a'].includes(bytes.subarray(0, 6).toString('ascii'))) return 'image/gif';
  return undefined;
}

export async function storeImage(input: { ownerId: string; bytes: Buffer }): Promise<{ id: string; url: string }> {
  if (input.bytes.length === 0)
    throw new AppError(400, 'BAD_REQUEST', 'The upload is empty: send the image file as the request body.');
  if (input.bytes.length > MAX_IMAGE_BYTES)
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Images may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const contentType = detectImageType(input.bytes);
  if (!contentType)
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Only ${IMAGE_TYPES.map((type) => type.slice(6).toUpperCase()).join(', ')} images are accepted.`,
    );
  await assertWithinUploadRate(input.ownerId);
  // Check and insert under one lock per owner: parallel uploads (on any instance) cannot pass the quota together.
  const upload = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`upload-quota:${input.ownerId}`}))`;
    await assertWithinQuota(tx, input.ownerId, input.bytes.length);
    return tx.upload.create({
      data: { ownerId: input.ownerId, contentType, bytes: new Uint8Array(input.bytes) },
      select: { id: true },
    });
  });
  return { id: upload.id, url: `/api/uploads/${upload.id}` };
}

export async function getImage(id: string): Promise<{ contentType: string; bytes: Buffer }> {
  const upload = await prisma.upload.findUnique({ where: { id }, select: { contentType: true, bytes: true } });
  if (!upload) throw notFound('No such image.');
  return { contentType: upload.contentType, bytes: Buffer.from(upload.bytes) };
}

/** Whether an upload exists and belongs to this user (avatars must be the user's own images). */
export async function isUploadOwnedBy(id: string, ownerId: string): Promise<boolean> {
  const upload = await prisma.upload.findUnique({ where: { id }, select: { ownerId: true } });
  return upload?.ownerId === ownerId;
}

/** Removes uploads older than the grace period that no avatar or stream thumbnail points at. */
export async function collectOrphanUploads(): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "Upload" u
    WHERE u."createdAt" < now() - make_interval(secs => ${UPLOAD_LIMITS.orphanAfterMs / 1000}::float8)
      AND NOT EXISTS (SELECT 1 FROM "User" WHERE "image" = '/api/uploads/' || u."id")
      AND NOT EXISTS (SELECT 1 FROM "Stream" WHERE "thumbnailUrl" = '/api/uploads/' || u."id")`;
}
