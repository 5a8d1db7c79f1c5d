import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { verifySignInCode, type SessionUser } from '../api/auth-api.ts';

/** The second step of a two-factor sign-in: the app's code, or a backup code. */
export function SecondFactorForm({ onSignedIn, onRestart }: { onSignedIn: (user: SessionUser) => void; onRestart: () => void }) {
  const [backup, setBackup] = useState(false);
  const [code, setCode] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const entered = code.replace(/\s/g, '');
    if (!entered) return setError(backup ? 'Enter one of your backup codes.' : 'Enter the 6-digit code from your app.');
    setSubmitting(true);
    setError(undefined);
    try {
      onSignedIn(await verifySignInCode(entered, { backup, trustDevice }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-zinc-400">
        {backup
          ? 'Enter one of the backup codes you saved when you turned on two-factor sign-in. Each works once.'
          : 'Open your authenticator app and enter the 6-digit code for Streamhouse.'}
      </p>
      <TextField
        label={backup ? 'Backup code' : 'Code'}
        name="one-time-code"
        autoComplete="one-time-code"
        inputMode={backup ? 'text' : 'numeric'}
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      <label className="flex items-center gap-2 text-sm text-zinc-300">
        <input
          type="checkbox"
          className="size-4 accent-accent-500"
          checked={trustDevice}
          onChange={(event) => setTrustDevice(event.target.checked)}
        />
        Don't ask again on this browser for 30 days
      </label>
      {error && (
        <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" loading={submitting}>
        Verify
      </Button>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <button
          type="button"
          className="text-accent-400 hover:underline"
          onClick={() => {
            setBackup(!backup);
            setCode('');
            setError(undefined);
          }}
        >
          {backup ? 'Use the app instead' : 'Use a backup code'}
        </button>
        <button type="button" className="text-zinc-400 hover:underline" onClick={onRestart}>
          Start over
        </button>
      </div>
    </form>
  );
}
