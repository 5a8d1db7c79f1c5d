import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { isUsernameAvailable, signUp } from '../api/auth-api.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { PASSWORD_MIN_LENGTH, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, USERNAME_PATTERN } from '@streamhouse/contract';

const USERNAME_LENGTHS = `${USERNAME_MIN_LENGTH}–${USERNAME_MAX_LENGTH}`;

type Fields = { username: string; email: string; password: string };
type FieldName = keyof Fields;
type FieldErrors = Partial<Record<FieldName | 'form', string>>;

const RULES: Record<FieldName, (value: string) => string | undefined> = {
  username: (value) => (USERNAME_PATTERN.test(value) ? undefined : `Use ${USERNAME_LENGTHS} letters, digits or underscores.`),
  email: (value) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : 'Enter a valid email address.'),
  password: (value) => (value.length >= PASSWORD_MIN_LENGTH ? undefined : `Use at least ${PASSWORD_MIN_LENGTH} characters.`),
};

function validate(fields: Fields): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of Object.keys(RULES) as FieldName[]) {
    const error = RULES[name](fields[name]);
    if (error) errors[name] = error;
  }
  return errors;
}

/** better-auth's error codes say which field a refusal is about. */
function fieldFor(code: string): FieldName | 'form' {
  if (code.includes('USERNAME')) return 'username';
  if (code.includes('EMAIL') || code.includes('USER_ALREADY_EXISTS')) return 'email';
  if (code.includes('PASSWORD')) return 'password';
  return 'form';
}

export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const setUser = useSessionStore((state) => state.setUser);
  const [fields, setFields] = useState<Fields>({ username: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const availabilityCheck = useRef<AbortController | null>(null);

  const update = (name: FieldName) => (event: React.ChangeEvent<HTMLInputElement>) => {
    if (name === 'username') availabilityCheck.current?.abort();
    setFields((current) => ({ ...current, [name]: event.target.value }));
    setErrors((current) => ({ ...current, [name]: undefined, form: undefined }));
  };

  /** Inline feedback as soon as a field is left, not only on submit. */
  const check = (name: FieldName) => () => {
    const value = fields[name];
    if (!value) return;
    const error = RULES[name](value);
    setErrors((current) => ({ ...current, [name]: error }));
    if (name === 'username' && !error) void checkAvailability(value);
  };

  async function checkAvailability(username: string) {
    availabilityCheck.current?.abort();
    const controller = new AbortController();
    availabilityCheck.current = controller;
    try {
      const available = await isUsernameAvailable(username, controller.signal);
      if (!available) setErrors((current) => ({ ...current, username: `"${username}" is already taken. Please try another.` }));
    } catch (error) {
      // Reserved names come back as a refusal with the reason; other failures wait for submit.
      if (error instanceof ApiError && error.status === 400) setErrors((current) => ({ ...current, username: error.message }));
    }
  }

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
      if (error instanceof ApiError) setErrors({ [fieldFor(error.code)]: error.message });
      else setErrors({ form: 'Sign-up failed. Please try again.' });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={fields.username}
        onChange={update('username')}
        onBlur={check('username')}
        error={errors.username}
        hint={`${USERNAME_LENGTHS} letters, digits or underscores. Your channel lives at /your-username.`}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={fields.email}
        onChange={update('email')}
        onBlur={check('email')}
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={fields.password}
        onChange={update('password')}
        onBlur={check('password')}
        error={errors.password}
        hint="At least 8 characters."
      />
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
