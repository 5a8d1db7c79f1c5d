import { useId, useState } from 'react';
import { paths } from '@/config/paths.ts';
import { CopyButton } from '@/components/copy-button.tsx';
import { ToggleField } from '@/components/toggle-field.tsx';

function CodeField({ label, name, value, hint }: { label: string; name: string; value: string; hint: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-200">
        {label}
      </label>
      <div className="flex items-start gap-2">
        <textarea
          id={id}
          readOnly
          value={value}
          rows={value.length > 90 ? 3 : 2}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 resize-none rounded-lg border border-zinc-700 bg-zinc-950 px-3 py-2 font-mono text-xs text-zinc-200"
        />
        <CopyButton value={value} label={name} />
      </div>
      <p id={`${id}-hint`} className="text-xs text-zinc-400">
        {hint}
      </p>
    </div>
  );
}

/** The creator's stream on other sites: the player's embed code and the chat overlay's URL for OBS, each to copy. */
export function EmbedCodes({ username, origin }: { username: string; origin: string }) {
  const [withChat, setWithChat] = useState(false);
  const player = `${origin}${paths.embed.to(username)}${withChat ? '?chat=1' : ''}`;
  const overlay = `${origin}${paths.embedChat.to(username)}`;
  const iframe = `<iframe src="${player}" width="${withChat ? 960 : 640}" height="360" title="${username} on Streamhouse" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`;
  return (
    <div className="flex flex-col gap-5 rounded-xl border border-zinc-800 bg-zinc-900 p-4 sm:p-6">
      <CodeField
        label="Embed code for your site"
        name="embed code"
        value={iframe}
        hint="Paste it into your page's HTML: the player starts muted and plays whenever you are live. Links to your channel also embed by themselves where sites support oEmbed."
      />
      <div className="-my-4">
        <ToggleField
          label="Show the chat beside the player"
          description="Read-only: viewers chat on Streamhouse."
          checked={withChat}
          disabled={false}
          onChange={setWithChat}
        />
      </div>
      <CodeField
        label="Chat overlay for OBS"
        name="chat overlay URL"
        value={overlay}
        hint="In OBS: Sources → + → Browser, paste this URL, 400 × 600. Transparent, large text; lines fade after a minute. Add ?theme=light for light scenes or ?fade=0 to keep every line."
      />
      <p className="text-sm">
        <a href={player} target="_blank" rel="noopener" className="font-semibold text-accent-400 hover:underline">
          Preview the player ↗
        </a>
        <span className="mx-2 text-zinc-600">·</span>
        <a href={overlay} target="_blank" rel="noopener" className="font-semibold text-accent-400 hover:underline">
          Preview the overlay ↗
        </a>
      </p>
    </div>
  );
}
