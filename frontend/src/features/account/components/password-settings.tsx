import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { queryClient } from '@/lib/query-client.ts';
import { changePassword } from '../api/account-api.ts';
import { accountKeys } from '../api/account-queries.ts';
import { OutcomeMessage, useAccountAction } from '../hooks/use-account-action.tsx';
import { passwordProblem } from './reset-password-form.tsx';

/** Changes the password with the current one; signs the other sessions out unless asked not to. */
export function PasswordSettings({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [signOutOthers, setSignOutOthers] = useState(true);
  const action = useAccountAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!current) return action.fail('Enter your current password.');
    const problem = passwordProblem(next);
    if (problem) return action.fail(`New password: ${problem}`);
    const changed = await action.run(async () => {
      await changePassword({ currentPassword: current, newPassword: next, revokeOtherSessions: signOutOthers });
      return signOutOthers ? 'Password changed; your other sessions were signed out.' : 'Password changed.';
    }, 'Could not change the password. Please try again.');
    if (changed) {
      setCurrent('');
      setNext('');
      // The session list changed (the others ended, this one was renewed).
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
      onChanged();
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Current password"
        name="current-password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <TextField
        label="New password"
        name="new-password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(event) => setNext(event.target.value)}
      />
      <label className="flex items-center gap-2 text-sm text-zinc-300">
        <input
          type="checkbox"
          className="size-4 accent-accent-500"
          checked={signOutOthers}
          onChange={(event) => setSignOutOthers(event.target.checked)}
        />
        Sign out my other sessions
      </label>
      <OutcomeMessage outcome={action.outcome} />
      <Button type="submit" variant="secondary" className="self-start" loading={action.pending}>
        Change password
      </Button>
    </form>
  );
}
