import { act, renderHook } from '@testing-library/react';
import type { FormEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client.ts';
import { useEditForm, type FormErrors } from './use-edit-form.ts';

type Info = { title: string; description: string };
const FIELDS = ['title', 'description'] as const;
const saved: Info = { title: 'Morning stream', description: 'Coffee and code' };

const submit = { preventDefault: () => undefined } as FormEvent;

function changed(before: Info, after: Info): Partial<Info> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key as keyof Info] !== value));
}

function renderForm(save: (changes: Partial<Info>) => Promise<Info>, onSaved = vi.fn()) {
  const validate = (values: Info): FormErrors<'title' | 'description'> =>
    values.title.trim() ? {} : { title: 'Enter a title.' };
  const hook = renderHook(() =>
    useEditForm({ initial: saved, fieldNames: FIELDS, validate, changed, save, savedMessage: 'Saved.', onSaved }),
  );
  return { ...hook, onSaved };
}

describe('an edit form', () => {
  it('sends only the fields the person changed, then says it saved and has nothing left to save', async () => {
    const save = vi.fn(async (changes: Partial<Info>) => ({ ...saved, ...changes }));
    const { result, onSaved } = renderForm(save);
    expect(result.current.dirty).toBe(false);

    act(() => result.current.update({ title: 'Evening stream' }));
    expect(result.current.dirty).toBe(true);
    await act(() => result.current.handleSubmit(submit));

    expect(save).toHaveBeenCalledExactlyOnceWith({ title: 'Evening stream' });
    expect(result.current.status).toBe('Saved.');
    expect(result.current.dirty).toBe(false);
    expect(result.current.fields.title).toBe('Evening stream');
    expect(onSaved).toHaveBeenCalledOnce();
  });

  it('shows a rule broken before sending anything, and clears it as the person types', async () => {
    const save = vi.fn();
    const { result } = renderForm(save);
    act(() => result.current.update({ title: ' ' }));
    await act(() => result.current.handleSubmit(submit));
    expect(save).not.toHaveBeenCalled();
    expect(result.current.errors).toEqual({ title: 'Enter a title.' });
    act(() => result.current.update({ title: 'Fixed' }));
    expect(result.current.errors).toEqual({});
  });

  it('does not send when nothing changed', async () => {
    const save = vi.fn();
    const { result } = renderForm(save);
    await act(() => result.current.handleSubmit(submit));
    expect(save).not.toHaveBeenCalled();
  });

  it("shows the server's field errors beside their fields, capitalised as sentences", async () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', 'Check the fields.', {
      fields: [{ path: 'description', message: 'must not contain links' }],
    });
    const { result } = renderForm(() => Promise.reject(refusal));
    act(() => result.current.update({ description: 'see http://spam' }));
    await act(() => result.current.handleSubmit(submit));
    expect(result.current.errors).toEqual({ description: 'Must not contain links.' });
    expect(result.current.status).toBe('');
    expect(result.current.saving).toBe(false);
  });

  it("shows the server's message for the whole form when no field is named, and a retry hint when it was no API answer", async () => {
    const offline = new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.');
    const first = renderForm(() => Promise.reject(offline));
    act(() => first.result.current.update({ title: 'New' }));
    await act(() => first.result.current.handleSubmit(submit));
    expect(first.result.current.errors).toEqual({ form: 'Cannot reach the server. Check your connection and try again.' });

    const second = renderForm(() => Promise.reject(new Error('boom')));
    act(() => second.result.current.update({ title: 'New' }));
    await act(() => second.result.current.handleSubmit(submit));
    expect(second.result.current.errors).toEqual({ form: 'Saving failed. Please try again.' });
  });
});
