import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { guestNameProblem } from '../stores/guest-name-store.ts';
import { GUEST_NAME_MAX_LENGTH } from '@streamhouse/contract';

/** A guest picks the name others see before their first message. */
export function GuestNameForm({
  initialName,
  initialProblem,
  onChosen,
  onCancel,
}: {
  initialName?: string;
  /** Why the server refused the last name (e.g. it is someone's username). */
  initialProblem?: string | null;
  onChosen: (name: string) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initialName ?? '');
  const [error, setError] = useState<string | null>(initialProblem ?? null);
  const inputId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = guestNameProblem(name);
    if (problem) {
      setError(problem);
      return;
    }
    onChosen(name.trim());
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Choose a chat name">
      <label htmlFor={inputId} className="text-sm font-medium text-zinc-200">
        Choose a name to chat as a guest
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          maxLength={GUEST_NAME_MAX_LENGTH}
          autoComplete="nickname"
          placeholder="e.g. NightOwl"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className="min-w-0 flex-1 rounded-lg border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm text-zinc-100 placeholder:text-zinc-400 focus:outline-none focus:ring-2 focus:ring-accent-500"
        />
        <Button type="submit" className="shrink-0">
          {onCancel ? 'Save' : 'Start chatting'}
        </Button>
      </div>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="text-xs text-red-400">
          {error}
        </p>
      )}
      {onCancel && (
        <button type="button" onClick={onCancel} className="self-start text-xs text-zinc-400 hover:text-white">
          Keep my current name
        </button>
      )}
    </form>
  );
}
