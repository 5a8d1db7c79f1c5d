import { Router, type Request } from 'express';
import { requireChannelOwner, requireUser, signedInUser } from '../../http/auth-guards.ts';
import { parse } from '../../http/validate.ts';
import { usernameParams } from '../users/users.schemas.ts';
import { requireUserByUsername } from '../users/users.service.ts';
import { emptyBody, followingQuery } from './social.schemas.ts';
import { block, follow, listBlocked, listFollowing, unblock, unfollow } from './social.service.ts';

export const socialRouter = Router();

/** The signed-in actor and the user named in the URL, for follow and block routes (they take no body). */
async function actorAndTarget(req: Request) {
  parse(emptyBody, req.body ?? {});
  const { username } = parse(usernameParams, req.params);
  return { actor: signedInUser(req.user), target: await requireUserByUsername(username) };
}

socialRouter.post('/users/:username/follow', requireUser, async (req, res) => {
  const { actor, target } = await actorAndTarget(req);
  res.json(await follow(actor.id, target.id));
});

socialRouter.delete('/users/:username/follow', requireUser, async (req, res) => {
  const { actor, target } = await actorAndTarget(req);
  res.json(await unfollow(actor.id, target.id));
});

socialRouter.post('/users/:username/block', requireUser, async (req, res) => {
  const { actor, target } = await actorAndTarget(req);
  res.json(await block(actor.id, target.id));
});

socialRouter.delete('/users/:username/block', requireUser, async (req, res) => {
  const { actor, target } = await actorAndTarget(req);
  res.json(await unblock(actor.id, target.id));
});

/** Private lists: only the owner sees whom they follow and whom they blocked. */
socialRouter.get('/users/:username/following', requireChannelOwner, async (req, res) => {
  const page = parse(followingQuery, req.query);
  res.json(await listFollowing(signedInUser(req.user).id, page));
});

socialRouter.get('/users/:username/blocked', requireChannelOwner, async (req, res) => {
  res.json({ users: await listBlocked(signedInUser(req.user).id) });
});
