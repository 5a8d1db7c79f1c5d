import { Router } from 'express';
import { optionalUser, requireUser, signedInUser } from '../auth/auth.guards.ts';
import { parse } from '../../http/validate.ts';
import { clientNetworkOf } from '../../lib/client-network.ts';
import { viewerTokenBody } from '../tokens/tokens.schemas.ts';
import { mintViewerToken } from '../tokens/tokens.service.ts';
import { listQuery, pageQuery, searchQuery, usernameParams } from './discovery.schemas.ts';
import { getPublicStream, listFollowedCreators, listLiveStreams, listRecommended, searchCreators } from './discovery.service.ts';

/** /api/viewer: what anyone watching needs — public channel data, lists, search, and a room token. */
export const viewerRouter = Router();

viewerRouter.get('/stream/:username', optionalUser, async (req, res) => {
  const { username } = parse(usernameParams, req.params);
  res.json(await getPublicStream(username, req.user?.id));
});

viewerRouter.get('/live', optionalUser, async (req, res) => {
  res.json(await listLiveStreams(parse(pageQuery, req.query), req.user?.id));
});

viewerRouter.get('/following', requireUser, async (req, res) => {
  res.json(await listFollowedCreators(signedInUser(req.user).id));
});

viewerRouter.get('/recommended', optionalUser, async (req, res) => {
  const { limit } = parse(listQuery, req.query);
  res.json(await listRecommended(limit, req.user?.id));
});

viewerRouter.get('/search', optionalUser, async (req, res) => {
  const { q, limit } = parse(searchQuery, req.query);
  res.json(await searchCreators(q, limit, req.user?.id));
});

viewerRouter.post('/token', optionalUser, async (req, res) => {
  const body = parse(viewerTokenBody, req.body ?? {});
  const { roomName: _room, ...token } = await mintViewerToken({
    host: { hostId: body.hostId, username: body.username },
    viewer: req.user,
    guestName: body.guestName,
    network: clientNetworkOf(req.ip),
  });
  res.json(token);
});
