import express from 'express';
import { apiRouter, created } from '../../http/api-router.ts';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, storedImage, uploadIdParams } from './uploads.schemas.ts';
import { getImage, storeImage } from './uploads.service.ts';

/** /api/uploads: images (avatars, thumbnails) stored in PostgreSQL. */
export const uploadsApi = apiRouter('/api/uploads', {
  tag: 'Images',
  description: 'Avatars and thumbnails, stored in PostgreSQL.',
});

const TYPES = IMAGE_TYPES.map((type) => type.slice(6).toUpperCase()).join(', ');

uploadsApi.post('/', {
  summary: 'Upload an image',
  description: `The file is the raw body (any Content-Type: the bytes decide). ${TYPES}; at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`,
  guards: [requireUser],
  middleware: [express.raw({ type: () => true, limit: MAX_IMAGE_BYTES })],
  requestBody: { contentType: 'image/*', description: `The image file: ${TYPES}.` },
  responses: { 201: storedImage },
  errors: {
    400: 'The body is empty.',
    413: `Larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB, or the images kept would pass the storage quota.`,
    415: `Not a ${TYPES} image.`,
    429: 'Too many uploads in the last hour (with `retryAfterMs`).',
  },
  handler: async (_input, req) => {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return created(await storeImage({ ownerId: signedInUser(req.user).id, bytes }));
  },
});

uploadsApi.get('/:id', {
  summary: 'An uploaded image',
  description: 'Immutable: cached for a year.',
  params: uploadIdParams,
  responses: { 200: { description: 'The image, with its real type', contentType: 'image/*' } },
  errors: { 404: 'No such image.' },
  handler: async ({ params }, _req, res) => {
    const image = await getImage(params.id);
    res.setHeader('Content-Type', image.contentType);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(image.bytes);
  },
});
