import { Router, type Request } from 'express';
import { optionalUser, requireChannelOwner, requireUser, signedInUser } from '../auth/auth.guards.ts';
import { parse } from '../../http/validate.ts';
import { emptyBody, followingQuery } from '../social/social.schemas.ts';
import { block, follow, listBlocked, listFollowing, unblock, unfollow } from '../social/social.service.ts';
import { updateProfileBody, usernameParams } from './users.schemas.ts';
import { getPublicProfile, requireUserByUsername, updateProfile } from './users.service.ts';

/** /api/users/:username: profiles, and following or blocking the user named in the URL. */
export const usersRouter = Router();

usersRouter.get('/:username', optionalUser, async (req, res) => {
  const { username } = parse(usernameParams, req.params);
  res.json(await getPublicProfile(username, req.user?.id));
});

usersRouter.patch('/:username', requireChannelOwner, async (req, res) => {
  const { username } = parse(usernameParams, req.params);
  const changes = parse(updateProfileBody, req.body ?? {});
  const owner = signedInUser(req.user);
  await updateProfile(owner.id, changes);
  res.json(await getPublicProfile(username, owner.id));
});

/** The signed-in actor and the user named in the URL, for follow and block routes (they take no body). */
async function actorAndTarget(req: Request) {
  parse(emptyBody, req.body ?? {});
  const { username } = parse(usernameParams, req.params);
  return { actor: signedInUser(req.user), target: await requireUserByUsername(username) };
}

usersRouter.post('/:username/follow', requireUser, async (req, res) => {
  const { actor, target } = await actorAndTarget(req);
  res.json(await follow(actor.id, target.id));
});

usersRouter.delete('/:username/follow', requireUser, async (req, res) => {
  const { actor, target } = await actorAndTarget(req);
  res.json(await unfollow(actor.id, target.id));
});

usersRouter.post('/:username/block', requireUser, async (req, res) => {
  const { actor, target } = await actorAndTarget(req);
  res.json(await block(actor.id, target.id));
});

usersRouter.delete('/:username/block', requireUser, async (req, res) => {
  const { actor, target } = await actorAndTarget(req);
  res.json(await unblock(actor.id, target.id));
});

/** Private lists: only the owner sees whom they follow and whom they blocked. */
usersRouter.get('/:username/following', requireChannelOwner, async (req, res) => {
  const page = parse(followingQuery, req.query);
  res.json(await listFollowing(signedInUser(req.user).id, page));
});

usersRouter.get('/:username/blocked', requireChannelOwner, async (req, res) => {
  res.json({ users: await listBlocked(signedInUser(req.user).id) });
});
