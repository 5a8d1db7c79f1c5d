import { chatEvent, notificationEvent, reactionEvent, settingsEvent } from '@streamhouse/contract/events';
import type { ApiRouter } from './http/api-router.ts';
import { apiDocsRouter } from './http/api-docs.ts';
import { openApiDocument } from './http/openapi-document.ts';
import { authApi } from './modules/auth/auth.routes.ts';
import { accountApi } from './modules/account/account.routes.ts';
import { viewerApi } from './modules/discovery/discovery.routes.ts';
import { chatApi } from './modules/chat/chat.routes.ts';
import { usersApi } from './modules/users/users.routes.ts';
import { streamApi } from './modules/streams/streams.routes.ts';
import { uploadsApi } from './modules/uploads/uploads.routes.ts';
import { analyticsApi } from './modules/analytics/analytics.routes.ts';
import { liveEventsApi, webhookApi } from './modules/live/live.routes.ts';
import { healthApi } from './modules/health/health.routes.ts';
import { metricsApi } from './modules/metrics/metrics.routes.ts';
import { recordingsApi } from './modules/recordings/recordings.routes.ts';
import { restreamApi } from './modules/restream/restream.routes.ts';
import { adminApi, creatorAccessApi } from './modules/admin/admin.routes.ts';
import { notificationsApi } from './modules/notifications/notifications.routes.ts';
import { oEmbedApi } from './modules/link-previews/oembed.routes.ts';

const INFO = {
  title: 'Streamhouse API',
  version: '1.0.0',
  description: [
    'The HTTP API of Streamhouse, generated from the route declarations (the same ones that serve and validate every request).',
    'Errors are JSON: `{code, message}` plus details (`fields`, `reason`, `retryAfterMs`). Writes must come from the site itself (Origin) and send JSON unless a route says otherwise.',
    "Video and chat delivery run over LiveKit: the room of a creator is named by their user id; chat, settings and reactions arrive on the room's data channel (schemas ChatEvent, SettingsEvent, ReactionEvent).",
  ].join('\n\n'),
};

let document: ReturnType<typeof openApiDocument> | undefined;
const docsApi = apiDocsRouter(() => (document ??= apiDocument()));

/** Every router, one per URL prefix, in the order the reference lists them. */
export const apis: ApiRouter[] = [
  authApi,
  accountApi,
  viewerApi,
  chatApi,
  usersApi,
  streamApi,
  uploadsApi,
  analyticsApi,
  recordingsApi,
  restreamApi,
  creatorAccessApi,
  adminApi,
  notificationsApi,
  oEmbedApi,
  liveEventsApi,
  webhookApi,
  healthApi,
  metricsApi,
  docsApi,
];

/** The OpenAPI 3.1 document: served at /api/openapi.json and committed as docs/api/openapi.json. */
export function apiDocument() {
  return openApiDocument(apis, INFO, {
    ChatEvent: chatEvent,
    SettingsEvent: settingsEvent,
    ReactionEvent: reactionEvent,
    NotificationEvent: notificationEvent,
  });
}
