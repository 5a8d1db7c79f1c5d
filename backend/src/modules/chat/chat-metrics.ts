import { Counter, Histogram } from 'prom-client';
import { metrics } from '../../lib/metrics.ts';
import { AppError } from '../../http/errors.ts';

const messages = new Counter({
  name: 'streamhouse_chat_messages_total',
  help: 'Chat messages sent to this instance: accepted, or refused with the rule that refused them',
  labelNames: ['outcome', 'reason'] as const,
  registers: [metrics],
});

export const storeBatchSize = new Histogram({
  name: 'streamhouse_chat_store_batch_size',
  help: 'Messages stored together in one group-commit statement',
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
  registers: [metrics],
});

/** Counts a send's outcome: `reason` is the refusal's rule (e.g. SLOW_MODE) or error code, never free text. */
export async function countedSend<T>(send: () => Promise<T>): Promise<T> {
  try {
    const sent = await send();
    messages.inc({ outcome: 'accepted', reason: '' });
    return sent;
  } catch (error) {
    const reason = error instanceof AppError ? String(error.details?.reason ?? error.code) : 'ERROR';
    messages.inc({ outcome: 'refused', reason });
    throw error;
  }
}
