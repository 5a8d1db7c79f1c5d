import { EgressClient, IngressClient, RoomServiceClient, WebhookReceiver } from 'livekit-server-sdk';
import { env } from '../config/env.ts';

// Built once from config; services are the only callers.
export const roomService = new RoomServiceClient(env.LIVEKIT_API_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
export const ingressClient = new IngressClient(env.LIVEKIT_API_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
export const egressClient = new EgressClient(env.LIVEKIT_API_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
export const webhookReceiver = new WebhookReceiver(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
