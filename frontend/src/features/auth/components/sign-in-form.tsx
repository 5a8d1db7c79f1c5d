import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { signIn, signInWithPasskey } from '../api/auth-api.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { SecondFactorForm } from './second-factor-form.tsx';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const setUser = useSessionStore((state) => state.setUser);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [codeNeeded, setCodeNeeded] = useState(false);
  const [passkeyPending, setPasskeyPending] = useState(false);

  async function handlePasskey() {
    setPasskeyPending(true);
    setError(undefined);
    try {
      setUser(await signInWithPasskey());
      onSignedIn();
    } catch (caught) {
      const cancelled = (caught as Error | undefined)?.name === 'NotAllowedError';
      setError(
        cancelled
          ? 'No passkey was used (cancelled, or this device holds none for this site).'
          : caught instanceof ApiError
            ? caught.message
            : 'Passkey sign-in failed. Please try again.',
      );
    } finally {
      setPasskeyPending(false);
    }
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your username and password.');
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await signIn({ username: username.trim(), password });
      if (result.kind === 'code-needed') {
        setCodeNeeded(true);
        return;
      }
      setUser(result.user);
      onSignedIn();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Sign-in failed. Please try again.');
    } finally {
      setSubmitting(false);
    }
  }

  if (codeNeeded)
    return (
      <SecondFactorForm
        onSignedIn={(user) => {
          setUser(user);
          onSignedIn();
        }}
        onRestart={() => {
          setCodeNeeded(false);
          setPassword('');
        }}
      />
    );

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Link className="-mt-2 self-end text-sm text-accent-400 hover:underline" to={paths.forgotPassword.to()}>
        Forgot your password?
      </Link>
      {error && (
        <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" loading={submitting}>
        Sign in
      </Button>
      <Button variant="secondary" loading={passkeyPending} onClick={() => void handlePasskey()}>
        Use a passkey instead
      </Button>
    </form>
  );
}
