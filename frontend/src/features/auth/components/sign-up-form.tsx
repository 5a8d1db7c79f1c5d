import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { signUp } from '../api/auth-api.ts';
import { useSessionStore } from '../stores/session-store.ts';

type Fields = { username: string; email: string; password: string };
type FieldErrors = Partial<Record<keyof Fields | 'form', string>>;

function validate(fields: Fields): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^[A-Za-z0-9_]{3,24}$/.test(fields.username))
    errors.username = 'Use 3–24 letters, digits or underscores.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email)) errors.email = 'Enter a valid email address.';
  if (fields.password.length < 8) errors.password = 'Use at least 8 characters.';
  return errors;
}

export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const setUser = useSessionStore((state) => state.setUser);
  const [fields, setFields] = useState<Fields>({ username: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  const update = (name: keyof Fields) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setFields((current) => ({ ...current, [name]: event.target.value }));
    setErrors((current) => ({ ...current, [name]: undefined, form: undefined }));
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validate(fields);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSubmitting(true);
    try {
      setUser(await signUp(fields));
      onSignedUp();
    } catch (error) {
      const message = error instanceof ApiError ? error.message : 'Sign-up failed. Please try again.';
      const code = error instanceof ApiError ? error.code : '';
      if (code.includes('USERNAME')) setErrors({ username: message });
      else if (code.includes('EMAIL') || code.includes('USER_ALREADY_EXISTS')) setErrors({ email: message });
      else if (code.includes('PASSWORD')) setErrors({ password: message });
      else setErrors({ form: message });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      <TextField label="Username" name="username" autoComplete="username" value={fields.username} onChange={update('username')} error={errors.username} hint="Your channel lives at /your-username." />
      <TextField label="Email" name="email" type="email" autoComplete="email" value={fields.email} onChange={update('email')} error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" value={fields.password} onChange={update('password')} error={errors.password} hint="At least 8 characters." />
      {errors.form && (
        <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
          {errors.form}
        </p>
      )}
      <Button type="submit" loading={submitting}>
        Create account
      </Button>
    </form>
  );
}
