import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { requestPasswordReset } from '../api/account-api.ts';
import { OutcomeMessage, useAccountAction } from '../hooks/use-account-action.tsx';

/** Asks for a reset link by email address or username; the answer never says whether the account exists. */
export function ForgotPasswordForm() {
  const [login, setLogin] = useState('');
  const action = useAccountAction();
  const sent = action.outcome?.kind === 'done';

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!login.trim()) return action.fail('Enter your email address or username.');
    await action.run(() => requestPasswordReset(login.trim()), 'Could not send the link. Please try again.');
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-zinc-400">We'll mail you a link to choose a new password.</p>
      <TextField
        label="Email or username"
        name="login"
        autoComplete="username"
        value={login}
        onChange={(event) => setLogin(event.target.value)}
        disabled={sent}
      />
      <OutcomeMessage outcome={action.outcome} />
      {!sent && (
        <Button type="submit" loading={action.pending}>
          Send the link
        </Button>
      )}
    </form>
  );
}
