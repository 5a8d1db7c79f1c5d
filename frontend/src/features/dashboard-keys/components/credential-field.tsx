import { useId, useState } from 'react';
import { CopyButton } from '@/components/copy-button.tsx';
import { EyeIcon, EyeOffIcon } from '@/components/icons.tsx';

type CredentialFieldProps = {
  label: string;
  /** What the copy button names, e.g. "stream key". */
  name: string;
  value: string;
  /** Hidden until the owner asks (a key on screen is a key on stream). */
  secret?: boolean;
  hint?: string;
  testId?: string;
};

/** A read-only value to paste into OBS, with a copy button, and show/hide for secrets. */
export function CredentialField({ label, name, value, secret = false, hint, testId }: CredentialFieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const hidden = secret && !shown;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-300">
        {label}
      </label>
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          id={id}
          readOnly
          type={hidden ? 'password' : 'text'}
          value={value}
          autoComplete="off"
          spellCheck={false}
          onFocus={(event) => event.target.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          data-testid={testId}
          className="min-w-0 basis-full rounded-lg border border-zinc-700 bg-zinc-950 px-3 py-2 font-mono text-sm text-zinc-100 focus:outline-none focus:ring-2 focus:ring-accent-500 sm:flex-1 sm:basis-auto"
        />
        {secret && (
          <button
            type="button"
            onClick={() => setShown((current) => !current)}
            aria-pressed={shown}
            aria-label={shown ? `Hide ${name}` : `Show ${name}`}
            className="inline-flex shrink-0 items-center gap-1.5 rounded-lg bg-zinc-800 px-3 py-2 text-sm font-semibold text-zinc-100 hover:bg-zinc-700"
          >
            {shown ? <EyeOffIcon className="size-4" /> : <EyeIcon className="size-4" />}
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
        <CopyButton value={value} label={name} />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-400">
          {hint}
        </p>
      )}
    </div>
  );
}
