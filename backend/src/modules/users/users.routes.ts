import { Router } from 'express';
import { optionalUser, requireChannelOwner, signedInUser } from '../../http/auth-guards.ts';
import { parse } from '../../http/validate.ts';
import { updateProfileBody, usernameParams } from './users.schemas.ts';
import { getPublicProfile, updateProfile } from './users.service.ts';

export const usersRouter = Router();

usersRouter.get('/users/:username', optionalUser, async (req, res) => {
  const { username } = parse(usernameParams, req.params);
  res.json(await getPublicProfile(username, req.user?.id));
});

usersRouter.patch('/users/:username', requireChannelOwner, async (req, res) => {
  const { username } = parse(usernameParams, req.params);
  const changes = parse(updateProfileBody, req.body ?? {});
  const owner = signedInUser(req.user);
  await updateProfile(owner.id, changes);
  res.json(await getPublicProfile(username, owner.id));
});
