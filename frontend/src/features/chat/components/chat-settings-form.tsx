import { useId } from 'react';
import { LoadFallback } from '@/components/load-fallback.tsx';
import { SaveStatus } from '@/components/save-status.tsx';
import { ToggleField } from '@/components/toggle-field.tsx';
import { useAutoSaved } from '@/lib/use-auto-saved.ts';
import { chatKeys } from '../api/chat-keys.ts';
import type { ChatSettings } from '../api/chat-types.ts';
import { getMyChatSettings, updateMyChatSettings } from '../api/chat-settings.ts';

const SLOW_MODE_CHOICES = [0, 3, 5, 10, 30, 60, 120, 300] as const;

function slowModeLabel(seconds: number): string {
  if (seconds === 0) return 'Off';
  return seconds < 60 ? `${seconds} seconds` : `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
}

/** The creator's chat rules. Each change is saved at once and reaches every open chat panel within a second. */
export function ChatSettingsForm() {
  const slowModeId = useId();
  const { query, save, saving, status } = useAutoSaved<ChatSettings, Partial<ChatSettings>>({
    queryKey: chatKeys.mySettings(),
    load: getMyChatSettings,
    save: (change, current) => updateMyChatSettings({ ...current, ...change }),
    savedText: 'Saved. Viewers see the change right away.',
  });
  if (!query.data) return <LoadFallback what="your chat settings" error={query.error} onRetry={() => void query.refetch()} />;
  const settings = query.data;

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
      <SaveStatus saving={saving} status={status} />
    </div>
  );
}
