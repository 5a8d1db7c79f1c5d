import { useState, type FormEvent } from 'react';
import { ApiError } from './api-client.ts';

export type FormErrors<Field extends string> = Partial<Record<Field | 'form', string>>;

/** The server names each bad field (`fields: [{path, message}]`); show each message beside its field. */
export function errorsFromServer<Field extends string>(error: unknown, fieldNames: readonly Field[]): FormErrors<Field> {
  if (!(error instanceof ApiError)) return { form: 'Saving failed. Please try again.' } as FormErrors<Field>;
  // A list item's error (`tags.2`) is shown beside its list's field (`tags`).
  const fields = (Array.isArray(error.body.fields) ? (error.body.fields as Array<{ path: string; message: string }>) : []).map(
    (field) => ({
      ...field,
      path: field.path.split('.')[0] ?? field.path,
    }),
  );
  const known = fields.filter((field) => (fieldNames as readonly string[]).includes(field.path));
  if (!known.length) return { form: error.message } as FormErrors<Field>;
  return Object.fromEntries(
    known.map((field) => [field.path, `${field.message.charAt(0).toUpperCase()}${field.message.slice(1)}.`]),
  ) as FormErrors<Field>;
}

/**
 * An edit form over saved server data: tracks the fields, sends only what changed, validates before
 * sending, shows the server's field errors beside the fields and a status line once saved.
 */
export function useEditForm<Values, Field extends string>(options: {
  initial: Values;
  fieldNames: readonly Field[];
  validate: (values: Values) => FormErrors<Field>;
  changed: (saved: Values, values: Values) => Partial<Values>;
  save: (changes: Partial<Values>) => Promise<Values>;
  savedMessage: string;
  onSaved?: () => void;
}) {
  const [saved, setSaved] = useState(options.initial);
  const [fields, setFields] = useState(options.initial);
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const changes = options.changed(saved, fields);
  const dirty = Object.keys(changes).length > 0;

  function update(patch: Partial<Values>) {
    setFields((current) => ({ ...current, ...patch }));
    setErrors({});
    setStatus('');
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = options.validate(fields);
    setErrors(found);
    if (Object.keys(found).length || !dirty) return;
    setSaving(true);
    try {
      const result = await options.save(changes);
      setSaved(result);
      setFields(result);
      setStatus(options.savedMessage);
      options.onSaved?.();
    } catch (error) {
      setErrors(errorsFromServer(error, options.fieldNames));
    } finally {
      setSaving(false);
    }
  }

  return { fields, update, errors, status, saving, dirty, handleSubmit };
}
