import { Router } from 'express';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { parse } from '../../http/validate.ts';
import { chatSettingsBody } from '../chat/chat.schemas.ts';
import { getChatRoom, updateChatSettings } from '../chat/chat-settings.service.ts';
import { assertEligibleToStream, getEligibility } from '../eligibility/eligibility.service.ts';
import { mintPublisherToken, mintSelfViewToken } from '../tokens/tokens.service.ts';
import { createIngressBody, streamInfoBody } from './streams.schemas.ts';
import {
  createStreamKey,
  getStreamCredentials,
  getStreamInfo,
  getStreamStatus,
  resetStreamKey,
  updateStreamInfo,
} from './streams.service.ts';

/**
 * /api/stream: the signed-in creator's own stream. Every route acts on the caller's stream only, so none
 * takes an id: keys, info, status, the go-live gate, LiveKit tokens for going live and self-view, chat rules.
 */
export const streamRouter = Router();
streamRouter.use(requireUser);

streamRouter.post('/ingress', async (req, res) => {
  const body = parse(createIngressBody, req.body ?? {});
  const key = await createStreamKey(signedInUser(req.user), body);
  // The key is a secret: never kept by a browser or proxy cache.
  res.set('Cache-Control', 'no-store').status(201).json(key);
});

streamRouter.delete('/ingress', async (req, res) => {
  await resetStreamKey(signedInUser(req.user).id);
  res.status(204).end();
});

streamRouter.get('/credentials', async (req, res) => {
  res.set('Cache-Control', 'no-store').json(await getStreamCredentials(signedInUser(req.user).id));
});

streamRouter.get('/info', async (req, res) => {
  res.json(await getStreamInfo(signedInUser(req.user).id));
});

streamRouter.put('/info', async (req, res) => {
  const changes = parse(streamInfoBody, req.body ?? {});
  res.json(await updateStreamInfo(signedInUser(req.user).id, changes));
});

streamRouter.get('/status', async (req, res) => {
  res.json(await getStreamStatus(signedInUser(req.user).id));
});

/** Whether the signed-in user may create a stream key, with the reason in words when not. */
streamRouter.get('/eligibility', async (req, res) => {
  res.json(await getEligibility(signedInUser(req.user).id));
});

streamRouter.post('/publisher-token', async (req, res) => {
  await assertEligibleToStream(signedInUser(req.user).id);
  const { roomName: _room, ...token } = await mintPublisherToken(signedInUser(req.user));
  res.json(token);
});

streamRouter.post('/creator-token', async (req, res) => {
  const { roomName: _room, ...token } = await mintSelfViewToken(signedInUser(req.user));
  res.json(token);
});

streamRouter.get('/chat-settings', async (req, res) => {
  res.json((await getChatRoom(signedInUser(req.user).id)).settings);
});

streamRouter.put('/chat-settings', async (req, res) => {
  const settings = parse(chatSettingsBody, req.body ?? {});
  res.json(await updateChatSettings(signedInUser(req.user).id, settings));
});
