import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@streamhouse/contract';
import { paths } from '@/config/paths.ts';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { resetPassword } from '../api/account-api.ts';
import { OutcomeMessage, useAccountAction } from '../hooks/use-account-action.tsx';

/** A password's length rule, in words; undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return undefined;
}

/** Sets a new password with the token from a reset mail. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [expired, setExpired] = useState(false);
  const action = useAccountAction();
  const done = action.outcome?.kind === 'done';

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = passwordProblem(password) ?? (password !== repeat ? 'The two passwords differ.' : undefined);
    if (problem) return action.fail(problem);
    await action.run(async () => {
      try {
        await resetPassword(token, password);
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'INVALID_TOKEN') setExpired(true);
        throw caught;
      }
      return 'Your new password is set, and every session of your account was signed out.';
    }, 'Could not set the password. Please try again.');
  }

  if (expired)
    return (
      <div className="flex flex-col gap-4">
        <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
          This link has expired or was already used.
        </p>
        <Link className="font-semibold text-accent-400 hover:underline" to={paths.forgotPassword.to()}>
          Ask for a new link
        </Link>
      </div>
    );

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      {!done && (
        <>
          <TextField
            label="New password"
            name="new-password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <TextField
            label="New password again"
            name="repeat-password"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </>
      )}
      <OutcomeMessage outcome={action.outcome} />
      {done ? (
        <Link
          className="rounded-lg bg-accent-600 px-4 py-2 text-center text-sm font-semibold text-white hover:bg-accent-500"
          to={paths.signIn.to()}
        >
          Sign in
        </Link>
      ) : (
        <Button type="submit" loading={action.pending}>
          Set the new password
        </Button>
      )}
    </form>
  );
}
