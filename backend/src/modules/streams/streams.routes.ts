import { Router } from 'express';
import { requireUser, signedInUser } from '../../http/auth-guards.ts';
import { parse } from '../../http/validate.ts';
import { createIngressBody, streamInfoBody } from './streams.schemas.ts';
import {
  createStreamKey,
  getStreamCredentials,
  getStreamInfo,
  getStreamStatus,
  resetStreamKey,
  updateStreamInfo,
} from './streams.service.ts';

/** The signed-in creator's own stream: every route acts on the caller's stream only, so none takes an id. */
export const streamsRouter = Router();

streamsRouter.post('/stream/ingress', requireUser, async (req, res) => {
  const body = parse(createIngressBody, req.body ?? {});
  const key = await createStreamKey(signedInUser(req.user), body);
  // The key is a secret: never kept by a browser or proxy cache.
  res.set('Cache-Control', 'no-store').status(201).json(key);
});

streamsRouter.delete('/stream/ingress', requireUser, async (req, res) => {
  await resetStreamKey(signedInUser(req.user).id);
  res.status(204).end();
});

streamsRouter.get('/stream/credentials', requireUser, async (req, res) => {
  res.set('Cache-Control', 'no-store').json(await getStreamCredentials(signedInUser(req.user).id));
});

streamsRouter.get('/stream/info', requireUser, async (req, res) => {
  res.json(await getStreamInfo(signedInUser(req.user).id));
});

streamsRouter.put('/stream/info', requireUser, async (req, res) => {
  const changes = parse(streamInfoBody, req.body ?? {});
  res.json(await updateStreamInfo(signedInUser(req.user).id, changes));
});

streamsRouter.get('/stream/status', requireUser, async (req, res) => {
  res.json(await getStreamStatus(signedInUser(req.user).id));
});
