import { Router } from 'express';
import { optionalUser, requireUser, signedInUser } from '../../http/auth-guards.ts';
import { parse } from '../../http/validate.ts';
import { listQuery, pageQuery, searchQuery, usernameParams } from './discovery.schemas.ts';
import { getPublicStream, listFollowedCreators, listLiveStreams, listRecommended, searchCreators } from './discovery.service.ts';

export const discoveryRouter = Router();

discoveryRouter.get('/viewer/stream/:username', optionalUser, async (req, res) => {
  const { username } = parse(usernameParams, req.params);
  res.json(await getPublicStream(username, req.user?.id));
});

discoveryRouter.get('/viewer/live', optionalUser, async (req, res) => {
  res.json(await listLiveStreams(parse(pageQuery, req.query), req.user?.id));
});

discoveryRouter.get('/viewer/following', requireUser, async (req, res) => {
  res.json(await listFollowedCreators(signedInUser(req.user).id));
});

discoveryRouter.get('/viewer/recommended', optionalUser, async (req, res) => {
  const { limit } = parse(listQuery, req.query);
  res.json(await listRecommended(limit, req.user?.id));
});

discoveryRouter.get('/viewer/search', optionalUser, async (req, res) => {
  const { q, limit } = parse(searchQuery, req.query);
  res.json(await searchCreators(q, limit, req.user?.id));
});
