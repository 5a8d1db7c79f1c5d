import { useState } from 'react';
import { ApiError } from '@/lib/api-client.ts';

type Outcome = { kind: 'done' | 'failed'; text: string };

/**
 * One account action behind a button or form: pending while it runs, then the server's sentence (or ours) as a
 * success or an error, so every form on these pages reports the same way.
 */
export function useAccountAction() {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  async function run(action: () => Promise<string>, fallbackError: string): Promise<boolean> {
    setPending(true);
    setOutcome(undefined);
    try {
      setOutcome({ kind: 'done', text: await action() });
      return true;
    } catch (caught) {
      // The server's sentence, or one of ours thrown as a plain Error; anything else (a network fault) gets the fallback.
      const text =
        caught instanceof ApiError || (caught instanceof Error && caught.constructor === Error) ? caught.message : fallbackError;
      setOutcome({ kind: 'failed', text });
      return false;
    } finally {
      setPending(false);
    }
  }

  return {
    pending,
    outcome,
    run,
    fail: (text: string) => setOutcome({ kind: 'failed', text }),
    clear: () => setOutcome(undefined),
  };
}

/** The outcome line under a form: an alert for errors, a polite status for successes. */
export function OutcomeMessage({ outcome }: { outcome: Outcome | undefined }) {
  if (!outcome) return null;
  return outcome.kind === 'failed' ? (
    <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
      {outcome.text}
    </p>
  ) : (
    <p role="status" className="rounded-lg bg-emerald-500/10 px-3 py-2 text-sm text-emerald-300">
      {outcome.text}
    </p>
  );
}
