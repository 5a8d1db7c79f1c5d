import type { SecurityRequirement } from './api-router.ts';

/** The ways a caller proves who they are, as the OpenAPI document names them. */
export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'better-auth.session_token',
    description: 'The session cookie set by sign-up or sign-in (`__Secure-` prefixed on HTTPS).',
  },
  roomToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "A guest's LiveKit token for the creator's room (from POST /api/viewer/token): proves who they are in chat.",
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'METRICS_TOKEN from the server configuration (for the Prometheus scraper).',
  },
  livekitWebhook: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: "LiveKit's signed JWT (no `Bearer`), carrying a sha256 of the raw body.",
  },
} as const;

type Scheme = keyof typeof securitySchemes;
const requirement = (scheme: Scheme): SecurityRequirement => ({ [scheme]: [] });

/** For guards' and routes' `security`: one of the listed requirements must be met. */
export const security = {
  /** Anyone; no credentials needed. */
  anonymous: {} as SecurityRequirement,
  session: requirement('session'),
  roomToken: requirement('roomToken'),
  livekitWebhook: requirement('livekitWebhook'),
  metricsToken: requirement('metricsToken'),
};
