import type { Request } from 'express';
import { apiRouter, noBody, ok } from '../../http/api-router.ts';
import { optionalUser, requireChannelOwner, requireUser, signedInUser } from '../auth/auth.guards.ts';
import { blockedList, blockState, followingPage, followingQuery, followState } from '../social/social.schemas.ts';
import { block, follow, listBlocked, listFollowing, unblock, unfollow } from '../social/social.service.ts';
import { publicProfile, updateProfileBody, usernameParams } from './users.schemas.ts';
import { getPublicProfile, requireUserByUsername, updateProfile } from './users.service.ts';

/** /api/users/:username: profiles, and following or blocking the user named in the URL. */
export const usersApi = apiRouter('/api/users', {
  tag: 'People',
  description: 'Profiles, and following or blocking the user named in the URL (any case).',
});

const NOBODY = 'Nobody has that username.';

usersApi.get('/:username', {
  summary: "A user's profile",
  guards: [optionalUser],
  params: usernameParams,
  responses: { 200: publicProfile },
  errors: { 404: NOBODY },
  handler: async ({ params }, req) => ok(await getPublicProfile(params.username, req.user?.id)),
});

usersApi.patch('/:username', {
  summary: 'Change your own display name, bio or avatar',
  description: 'Only the fields given change; an avatar is an image uploaded first with POST /api/uploads.',
  guards: [requireChannelOwner],
  params: usernameParams,
  body: updateProfileBody,
  responses: { 200: publicProfile },
  handler: async ({ params, body }, req) => {
    const owner = signedInUser(req.user);
    await updateProfile(owner.id, body);
    return ok(await getPublicProfile(params.username, owner.id));
  },
});

/** The signed-in actor and the user named in the URL, for follow and block routes. */
async function actorAndTarget(username: string, req: Request) {
  return { actor: signedInUser(req.user), target: await requireUserByUsername(username) };
}

usersApi.post('/:username/follow', {
  summary: 'Follow a user',
  description: 'Following twice is one follow.',
  guards: [requireUser],
  params: usernameParams,
  body: noBody,
  responses: { 200: followState },
  errors: {
    400: 'Following yourself.',
    403: 'They blocked you (`reason: BLOCKED`).',
    404: NOBODY,
    409: 'You blocked them: unblock first.',
  },
  handler: async ({ params }, req) => {
    const { actor, target } = await actorAndTarget(params.username, req);
    return ok(await follow(actor.id, target.id));
  },
});

usersApi.delete('/:username/follow', {
  summary: 'Stop following a user',
  guards: [requireUser],
  params: usernameParams,
  body: noBody,
  responses: { 200: followState },
  errors: { 404: NOBODY },
  handler: async ({ params }, req) => {
    const { actor, target } = await actorAndTarget(params.username, req);
    return ok(await unfollow(actor.id, target.id));
  },
});

usersApi.post('/:username/block', {
  summary: 'Block a user',
  description: 'Ends follows both ways and removes them from your live room at once.',
  guards: [requireUser],
  params: usernameParams,
  body: noBody,
  responses: { 200: blockState },
  errors: { 400: 'Blocking yourself.', 404: NOBODY, 502: 'Blocked, but LiveKit could not remove them from your room just now.' },
  handler: async ({ params }, req) => {
    const { actor, target } = await actorAndTarget(params.username, req);
    return ok(await block(actor.id, target.id));
  },
});

usersApi.delete('/:username/block', {
  summary: 'Unblock a user',
  guards: [requireUser],
  params: usernameParams,
  body: noBody,
  responses: { 200: blockState },
  errors: { 404: NOBODY },
  handler: async ({ params }, req) => {
    const { actor, target } = await actorAndTarget(params.username, req);
    return ok(await unblock(actor.id, target.id));
  },
});

/** Private lists: only the owner sees whom they follow and whom they blocked. */
usersApi.get('/:username/following', {
  summary: 'Whom you follow (yours only)',
  guards: [requireChannelOwner],
  params: usernameParams,
  query: followingQuery,
  responses: { 200: followingPage },
  handler: async ({ query }, req) => ok(await listFollowing(signedInUser(req.user).id, query)),
});

usersApi.get('/:username/blocked', {
  summary: 'Whom you blocked (yours only)',
  guards: [requireChannelOwner],
  params: usernameParams,
  responses: { 200: blockedList },
  handler: async (_input, req) => ok({ users: await listBlocked(signedInUser(req.user).id) }),
});
