import { Router } from 'express';
import { optionalUser, requireUser, signedInUser } from '../../http/auth-guards.ts';
import { parse } from '../../http/validate.ts';
import { viewerTokenBody } from './tokens.schemas.ts';
import { mintPublisherToken, mintSelfViewToken, mintViewerToken } from './tokens.service.ts';
import { assertEligibleToStream } from '../eligibility/eligibility.service.ts';

export const tokensRouter = Router();

tokensRouter.post('/viewer/token', optionalUser, async (req, res) => {
  const body = parse(viewerTokenBody, req.body ?? {});
  const { roomName: _room, ...token } = await mintViewerToken({
    host: { hostId: body.hostId, username: body.username },
    viewer: req.user,
    guestName: body.guestName,
  });
  res.json(token);
});

tokensRouter.post('/stream/publisher-token', requireUser, async (req, res) => {
  await assertEligibleToStream(signedInUser(req.user).id);
  const { roomName: _room, ...token } = await mintPublisherToken(signedInUser(req.user));
  res.json(token);
});

tokensRouter.post('/stream/creator-token', requireUser, async (req, res) => {
  const { roomName: _room, ...token } = await mintSelfViewToken(signedInUser(req.user));
  res.json(token);
});
