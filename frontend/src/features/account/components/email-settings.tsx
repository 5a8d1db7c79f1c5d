import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { changeEmail, resendEmailConfirmation } from '../api/account-api.ts';
import { OutcomeMessage, useAccountAction } from '../hooks/use-account-action.tsx';

/** The account's address: whether it is confirmed (with a resend), and changing it. */
export function EmailSettings({ email, confirmed, onChanged }: { email: string; confirmed: boolean; onChanged: () => void }) {
  const [newEmail, setNewEmail] = useState('');
  const resend = useAccountAction();
  const change = useAccountAction();

  async function handleChange(event: FormEvent) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(newEmail.trim())) return change.fail('Enter a valid email address.');
    const changed = await change.run(
      async () => (await changeEmail(newEmail.trim())).message,
      'Could not change it. Please try again.',
    );
    if (changed) {
      setNewEmail('');
      onChanged();
    }
  }

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="font-medium break-all text-zinc-100">{email}</span>
        {confirmed ? (
          <span className="rounded-full bg-emerald-500/15 px-2 py-0.5 text-xs font-semibold text-emerald-300">Confirmed</span>
        ) : (
          <span className="rounded-full bg-amber-500/15 px-2 py-0.5 text-xs font-semibold text-amber-300">Not confirmed</span>
        )}
      </div>
      {!confirmed && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-zinc-400">
            Open the link we mailed you, so you can recover your account if you forget your password.
          </p>
          <Button
            variant="secondary"
            className="self-start"
            loading={resend.pending}
            onClick={() => void resend.run(resendEmailConfirmation, 'Could not send the link. Please try again.')}
          >
            Send the link again
          </Button>
          <OutcomeMessage outcome={resend.outcome} />
        </div>
      )}
      <form onSubmit={handleChange} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          className="flex-1"
          label="New email address"
          name="email"
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={(event) => setNewEmail(event.target.value)}
        />
        <Button type="submit" variant="secondary" loading={change.pending}>
          Change email
        </Button>
      </form>
      <OutcomeMessage outcome={change.outcome} />
    </div>
  );
}
