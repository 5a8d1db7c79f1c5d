import { useEffect, useId, useState } from 'react';
import { ToggleField } from '@/components/toggle-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import type { ChatSettings } from '../api/chat-types.ts';
import { getMyChatSettings, updateMyChatSettings } from '../api/chat-settings.ts';

const SLOW_MODE_CHOICES = [0, 3, 5, 10, 30, 60, 120, 300] as const;

function slowModeLabel(seconds: number): string {
  if (seconds === 0) return 'Off';
  return seconds < 60 ? `${seconds} seconds` : `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
}

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; settings: ChatSettings };

/** The creator's chat rules. Each change is saved at once and reaches every open chat panel within a second. */
export function ChatSettingsForm() {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const slowModeId = useId();

  // Loads the stored rules (and again on "Try again").
  useEffect(() => {
    const controller = new AbortController();
    getMyChatSettings(controller.signal)
      .then((settings) => setLoad({ status: 'ready', settings }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setLoad({ status: 'error', message: error instanceof Error ? error.message : 'Please try again.' });
      });
    return () => controller.abort();
  }, [attempt]);

  if (load.status === 'loading')
    return (
      <div className="flex justify-center py-10 text-zinc-400" role="status">
        <Spinner />
        <span className="sr-only">Loading chat settings…</span>
      </div>
    );
  if (load.status === 'error')
    return (
      <div className="flex flex-col items-start gap-3 py-6 text-sm text-zinc-400" role="alert">
        <p>Could not load your chat settings. {load.message}</p>
        <Button variant="secondary" onClick={() => setAttempt((current) => current + 1)}>
          Try again
        </Button>
      </div>
    );

  const settings = load.settings;

  async function save(change: Partial<ChatSettings>) {
    const previous = settings;
    setLoad({ status: 'ready', settings: { ...previous, ...change } });
    setSaving(true);
    setStatus(null);
    try {
      setLoad({ status: 'ready', settings: await updateMyChatSettings({ ...previous, ...change }) });
      setStatus({ tone: 'success', text: 'Saved. Viewers see the change right away.' });
    } catch (error) {
      setLoad({ status: 'ready', settings: previous });
      setStatus({
        tone: 'error',
        text: error instanceof ApiError ? error.message : 'Could not save. Check your connection and try again.',
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div>
      <div className="divide-y divide-zinc-800">
        <ToggleField
          label="Chat"
          description="Let viewers chat during your stream. When off, nobody can send messages."
          checked={settings.isChatEnabled}
          disabled={saving}
          onChange={(isChatEnabled) => save({ isChatEnabled })}
        />
        <ToggleField
          label="Followers-only"
          description="Only people who follow you can chat. Guests and non-followers see why they cannot."
          checked={settings.isChatFollowersOnly}
          disabled={saving}
          onChange={(isChatFollowersOnly) => save({ isChatFollowersOnly })}
        />
        <ToggleField
          label="Guests may chat"
          description="People without an account can chat under a name they pick. When off, guests still watch and need to sign in to chat."
          checked={settings.guestsMayChat}
          disabled={saving}
          onChange={(guestsMayChat) => save({ guestsMayChat })}
        />
        <div className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <label htmlFor={slowModeId} className="font-medium text-zinc-100">
              Slow mode
            </label>
            <p className="text-sm text-zinc-400">
              How long each viewer waits between messages. You and your moderators are exempt.
            </p>
          </div>
          <select
            id={slowModeId}
            value={settings.slowModeSeconds}
            disabled={saving}
            onChange={(event) => save({ slowModeSeconds: Number(event.target.value) })}
            className="rounded-lg border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm text-zinc-100 focus:outline-none focus:ring-2 focus:ring-accent-500 disabled:opacity-50 sm:w-40"
          >
            {[...new Set([...SLOW_MODE_CHOICES, settings.slowModeSeconds])]
              .sort((a, b) => a - b)
              .map((seconds) => (
                <option key={seconds} value={seconds}>
                  {slowModeLabel(seconds)}
                </option>
              ))}
          </select>
        </div>
      </div>
      <p
        role={status?.tone === 'error' ? 'alert' : 'status'}
        className={`min-h-5 text-sm ${status?.tone === 'error' ? 'text-red-400' : 'text-emerald-400'}`}
      >
        {saving ? 'Saving…' : status?.text}
      </p>
    </div>
  );
}
