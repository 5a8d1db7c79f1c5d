import { apiRouter, created, noContent, ok } from '../../http/api-router.ts';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { destination, destinationBody, destinationChange, destinationList, destinationParams } from './restream.schemas.ts';
import { addDestination, changeDestination, listDestinations, removeDestination } from './restream.service.ts';

/** /api/restream: the signed-in creator's restream destinations (other platforms their broadcast is sent on to). */
export const restreamApi = apiRouter('/api/restream', {
  tag: 'Restream',
  description:
    "Other platforms (Twitch, YouTube, any RTMP/RTMPS address) the signed-in creator's broadcasts are sent on to. Stream keys are write-only.",
  guards: [requireUser],
});

const NOT_CACHED = { 'Cache-Control': 'no-store' };
const NOT_YOURS = { 404: 'No such destination of the caller.' };

restreamApi.get('/destinations', {
  summary: "The caller's restream destinations",
  description: 'With what each is doing now (idle, starting, live, failed with the reason). Keys are never returned.',
  responses: { 200: destinationList },
  handler: async (_input, req) => ok(await listDestinations(signedInUser(req.user).id), NOT_CACHED),
});

restreamApi.post('/destinations', {
  summary: 'Add a restream destination',
  description: 'Used from the next broadcast on. The key is stored encrypted and never returned.',
  body: destinationBody,
  responses: { 201: destination },
  errors: { 409: 'The caller already has the most destinations allowed.' },
  handler: async ({ body }, req) => created(await addDestination(signedInUser(req.user).id, body), NOT_CACHED),
});

restreamApi.patch('/destinations/:id', {
  summary: 'Change a restream destination',
  description: 'Rename, turn on or off, or replace the address or the key (used from the next broadcast on).',
  params: destinationParams,
  body: destinationChange,
  responses: { 200: destination },
  errors: NOT_YOURS,
  handler: async ({ params, body }, req) => ok(await changeDestination(signedInUser(req.user).id, params.id, body), NOT_CACHED),
});

restreamApi.delete('/destinations/:id', {
  summary: 'Remove a restream destination',
  params: destinationParams,
  responses: { 204: { description: 'Removed.' } },
  errors: NOT_YOURS,
  handler: async ({ params }, req) => {
    await removeDestination(signedInUser(req.user).id, params.id);
    return noContent();
  },
});
