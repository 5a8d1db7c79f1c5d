import { useState, type FormEvent } from 'react';
import { CREATOR_NOTE_MAX_LENGTH } from '@streamhouse/contract';
import { Button } from '@/components/button.tsx';
import { TextAreaField } from '@/components/text-area-field.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useCreatorAccess, useRequestCreatorAccess, type CreatorAccess } from '../api/creator-access-api.ts';

const date = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

function RequestForm({ again }: { again: boolean }) {
  const [note, setNote] = useState('');
  const request = useRequestCreatorAccess();
  const error =
    request.error instanceof ApiError
      ? request.error.message
      : request.error
        ? 'Could not send your request. Try again.'
        : undefined;
  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(note);
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <TextAreaField
        label="Note to the admins (optional)"
        value={note}
        max={CREATOR_NOTE_MAX_LENGTH}
        hint="What will you stream? Links to your work help."
        error={error}
        rows={3}
        onChange={(event) => setNote(event.target.value)}
      />
      <Button type="submit" loading={request.isPending} className="self-start">
        {again ? 'Ask again' : 'Request access'}
      </Button>
    </form>
  );
}

function Status({ access }: { access: CreatorAccess }) {
  const request = access.request;
  if (access.approved)
    return (
      <p className="text-sm text-zinc-300">
        <span className="font-semibold text-emerald-400">Approved.</span> You can create stream keys and go live.
        {request?.reason && <span className="mt-1 block text-zinc-400">“{request.reason}”</span>}
      </p>
    );
  if (!request)
    return (
      <>
        <p className="text-sm text-zinc-400">
          Streaming on this site needs an admin’s approval. Ask once; you will see the answer here.
        </p>
        <RequestForm again={false} />
      </>
    );
  if (request.status === 'PENDING')
    return (
      <div className="flex flex-col gap-2 text-sm">
        <p>
          <span className="font-semibold text-amber-300">Pending.</span>{' '}
          <span className="text-zinc-400">You asked on {date(request.createdAt)}; an admin will answer soon.</span>
        </p>
        {request.note && <p className="rounded-lg bg-zinc-950/60 px-3 py-2 whitespace-pre-line text-zinc-300">{request.note}</p>}
      </div>
    );
  return (
    <>
      <div className="flex flex-col gap-1 text-sm">
        <p>
          <span className="font-semibold text-red-400">Declined</span>
          {request.decidedAt && <span className="text-zinc-400"> on {date(request.decidedAt)}</span>}
        </p>
        {request.reason && <p className="rounded-lg bg-red-500/10 px-3 py-2 text-red-200">Reason: {request.reason}</p>}
      </div>
      <RequestForm again />
    </>
  );
}

/** The creator's approval status, and the request form, on sites where admins approve creators. */
export function CreatorAccessCard() {
  const query = useCreatorAccess();
  const access = query.data;
  // Nothing to show where anyone may stream (unless this user once asked).
  if (!access || (!access.required && !access.request)) return null;
  return (
    <section
      aria-labelledby="creator-access-title"
      className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4"
      data-testid="creator-access"
    >
      <h2 id="creator-access-title" className="font-semibold">
        Creator approval
      </h2>
      <Status access={access} />
    </section>
  );
}
