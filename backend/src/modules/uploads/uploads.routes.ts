import express, { Router } from 'express';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { parse } from '../../http/validate.ts';
import { MAX_IMAGE_BYTES, uploadIdParams } from './uploads.schemas.ts';
import { getImage, storeImage } from './uploads.service.ts';

/** /api/uploads: images (avatars, thumbnails) stored in PostgreSQL. */
export const uploadsRouter = Router();

/** The image file is the raw request body (any Content-Type; the bytes decide). */
uploadsRouter.post(
  '/',
  requireUser,
  express.raw({ type: () => true, limit: MAX_IMAGE_BYTES }),
  async (req, res) => {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.status(201).json(await storeImage({ ownerId: signedInUser(req.user).id, bytes }));
  },
);

uploadsRouter.get('/:id', async (req, res) => {
  const { id } = parse(uploadIdParams, req.params);
  const image = await getImage(id);
  res.setHeader('Content-Type', image.contentType);
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(image.bytes);
});
