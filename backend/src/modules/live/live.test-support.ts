import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { AccessToken } from 'livekit-server-sdk';
import { env } from '../../config/env.ts';

export type SignedWebhook = { body: string; authorization: string };

// Starts ten minutes back: the server clamps event times to its clock (plus a few seconds), and a file's events
// must stay distinct and in order however many it sends within a second.
let clock = Math.floor(Date.now() / 1000) - 600;
/** Whole seconds, like LiveKit's createdAt; each call is later than the one before, and not in the future. */
export function nextEventTime(): number {
  clock += 1;
  return clock;
}

/**
 * A webhook exactly as livekit-server sends it: protojson body, and an Authorization header holding a JWT
 * (no "Bearer") signed with the API secret whose sha256 claim is the body's hash.
 */
export async function signWebhook(event: Record<string, unknown>, secret = env.LIVEKIT_API_SECRET): Promise<SignedWebhook> {
  return signBody(
    JSON.stringify({ id: `EV_${randomBytes(8).toString('hex')}`, createdAt: String(nextEventTime()), ...event }),
    secret,
  );
}

export async function signBody(body: string, secret = env.LIVEKIT_API_SECRET): Promise<SignedWebhook> {
  const token = new AccessToken(env.LIVEKIT_API_KEY, secret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await token.toJwt() };
}

export function postWebhook(app: Express, webhook: { body: string; authorization?: string }) {
  const call = request(app).post('/api/webhook/livekit').set('Content-Type', 'application/webhook+json');
  if (webhook.authorization) call.set('Authorization', webhook.authorization);
  return call.send(webhook.body);
}

export const ingressEvent = (
  event: 'ingress_started' | 'ingress_ended',
  hostId: string,
  extra: Record<string, unknown> = {},
) => ({
  event,
  ingressInfo: { ingressId: `IN_${hostId.slice(0, 8)}`, roomName: hostId, participantIdentity: hostId, inputType: 'RTMP_INPUT' },
  ...extra,
});

type ParticipantFields = { kind?: string; disconnectReason?: string; metadata?: string };

export const roomEvent = (
  event: 'track_published' | 'track_unpublished' | 'participant_joined' | 'participant_left' | 'room_finished' | 'room_started',
  hostId: string,
  identity?: string,
  participant: ParticipantFields = {},
  extra: Record<string, unknown> = {},
) => ({
  event,
  room: { sid: `RM_${hostId.slice(0, 8)}`, name: hostId },
  ...(identity && { participant: { sid: `PA_${randomBytes(4).toString('hex')}`, identity, ...participant } }),
  ...(event.startsWith('track_') && { track: { sid: `TR_${randomBytes(4).toString('hex')}`, type: 'VIDEO', source: 'CAMERA' } }),
  ...extra,
});
