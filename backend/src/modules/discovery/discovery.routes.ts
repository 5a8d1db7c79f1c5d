import { apiRouter, ok } from '../../http/api-router.ts';
import { env } from '../../config/env.ts';
import { notFound } from '../../http/errors.ts';
import { hasReminder } from '../notifications/notifications.service.ts';
import { optionalUser, requireUser, signedInUser } from '../auth/auth.guards.ts';
import { clientNetworkOf } from '../../lib/client-network.ts';
import { roomToken, viewerTokenBody } from '../tokens/tokens.schemas.ts';
import { mintViewerToken } from '../tokens/tokens.service.ts';
import {
  browseCategoryList,
  channelSchedule,
  upcomingList,
  categorySlugParams,
  categoryStreams,
  listQuery,
  pageQuery,
  publicStream,
  searchQuery,
  streamCardList,
  streamCardPage,
  usernameParams,
} from './discovery.schemas.ts';
import {
  getPublicStream,
  getChannelSchedule,
  listUpcoming,
  scheduleIcs,
  listCategories,
  listCategoryStreams,
  listFollowedCreators,
  listLiveStreams,
  listRecommended,
  searchCreators,
} from './discovery.service.ts';

/** /api/viewer: what anyone watching needs — public channel data, lists, search, and a room token. */
export const viewerApi = apiRouter('/api/viewer', {
  tag: 'Watching',
  description:
    'Public channel data, lists, search, and the LiveKit token to watch. Creators who blocked the caller are left out.',
});

viewerApi.get('/stream/:username', {
  summary: 'A channel for its watch page',
  guards: [optionalUser],
  params: usernameParams,
  responses: { 200: publicStream },
  errors: { 404: 'There is no creator by that name.' },
  handler: async ({ params }, req) => ok(await getPublicStream(params.username, req.user?.id)),
});

viewerApi.get('/live', {
  summary: 'Live streams, most watched first',
  guards: [optionalUser],
  query: pageQuery,
  responses: { 200: streamCardPage },
  handler: async ({ query }, req) => ok(await listLiveStreams(query, req.user?.id)),
});

viewerApi.get('/following', {
  summary: 'Creators the caller follows, live ones first',
  guards: [requireUser],
  responses: { 200: streamCardList },
  handler: async (_input, req) => ok(await listFollowedCreators(signedInUser(req.user).id)),
});

viewerApi.get('/recommended', {
  summary: 'Recommended channels: live first, then popular',
  guards: [optionalUser],
  query: listQuery,
  responses: { 200: streamCardList },
  handler: async ({ query }, req) => ok(await listRecommended(query.limit, req.user?.id)),
});

viewerApi.get('/stream/:username/schedule', {
  summary: "A channel's next announced broadcast",
  guards: [optionalUser],
  params: usernameParams,
  responses: { 200: channelSchedule },
  errors: { 404: 'There is no creator by that name.' },
  handler: async ({ params }, req) => {
    const channel = await getChannelSchedule(params.username, req.user?.id);
    const reminded = req.user ? await hasReminder(req.user.id, channel.hostId) : false;
    return ok({ ...channel, reminded });
  },
});

viewerApi.get('/stream/:username/schedule.ics', {
  summary: "A channel's next broadcast as a calendar event",
  guards: [optionalUser],
  params: usernameParams,
  responses: { 200: { description: 'An iCalendar file (one event, an hour long).', contentType: 'text/calendar' } },
  errors: { 404: 'No such creator, or nothing announced.' },
  handler: async ({ params }, req, res) => {
    const channel = await getChannelSchedule(params.username, req.user?.id);
    if (!channel.schedule) throw notFound(`${channel.username} has not announced a next stream.`);
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${channel.username}-next-stream.ics"`)
      .set('Cache-Control', 'no-cache')
      .send(scheduleIcs({ ...channel, schedule: channel.schedule }, env.PUBLIC_URL));
  },
});

viewerApi.get('/upcoming', {
  summary: 'Announced broadcasts still to come, soonest first',
  guards: [optionalUser],
  query: listQuery,
  responses: { 200: upcomingList },
  handler: async ({ query }, req) => ok(await listUpcoming(query.limit, req.user?.id)),
});

viewerApi.get('/categories', {
  summary: 'Browse categories with their live counts',
  responses: { 200: browseCategoryList },
  handler: async () => ok(await listCategories()),
});

viewerApi.get('/categories/:slug', {
  summary: "A category's live streams, most watched first",
  guards: [optionalUser],
  params: categorySlugParams,
  responses: { 200: categoryStreams },
  errors: { 404: 'There is no such category.' },
  handler: async ({ params }, req) => ok(await listCategoryStreams(params.slug, req.user?.id)),
});

viewerApi.get('/search', {
  summary: 'Search creators by username, name, stream title or tag',
  guards: [optionalUser],
  query: searchQuery,
  responses: { 200: streamCardList },
  handler: async ({ query }, req) => ok(await searchCreators(query.q, query.limit, req.user?.id)),
});

viewerApi.post('/token', {
  summary: "A token to watch a creator's room",
  description:
    'Signed in: identity = user id (the creator gets a watch-only `Host-{userId}` token for their own room). Anonymous: a guest identity, named `guestName` in chat.',
  guards: [optionalUser],
  body: viewerTokenBody,
  responses: { 200: roomToken },
  errors: {
    400: 'The guest name is taken by someone with an account here (`reason: GUEST_NAME_TAKEN`).',
    403: 'The creator blocked the caller (`reason: BLOCKED`).',
    404: 'No creator with that name.',
    429: 'Too many guest passes from this network (with `retryAfterMs`).',
  },
  handler: async ({ body }, req) => {
    const { roomName: _room, ...token } = await mintViewerToken({
      host: { hostId: body.hostId, username: body.username },
      viewer: req.user,
      guestName: body.guestName,
      network: clientNetworkOf(req.ip),
      source: body.source,
    });
    return ok(token);
  },
});
