import { z } from 'zod';

export const alive = z.strictObject({ status: z.literal('ok') }).meta({ description: 'The process answers' });

const checks = z
  .strictObject({ database: z.string(), livekit: z.string(), notifications: z.string() })
  .meta({ id: 'ReadinessChecks', description: '`ok`, or what went wrong, per dependency.' });

export const ready = z
  .strictObject({ status: z.literal('ready'), checks })
  .meta({ description: 'PostgreSQL and LiveKit answer, and PostgreSQL notifications reach this instance' });
