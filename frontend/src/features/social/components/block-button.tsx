import { useId, useRef, useState } from 'react';
import { Button } from '@/components/button.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { block, unblock } from '../api/social-api.ts';

/** Block asks first, in a modal dialog (it ends follows both ways and removes them from your live room); unblock does not. */
export function BlockButton({
  username,
  blocking,
  onChange,
}: {
  username: string;
  blocking: boolean;
  onChange: (blocking: boolean) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function run(action: () => Promise<{ blocked: boolean }>) {
    setPending(true);
    setError(undefined);
    try {
      onChange((await action()).blocked);
      dialogRef.current?.close();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    } finally {
      setPending(false);
    }
  }

  if (blocking)
    return (
      <Button variant="secondary" loading={pending} onClick={() => run(() => unblock(username))}>
        Unblock
      </Button>
    );

  return (
    <>
      <Button
        variant="ghost"
        onClick={() => {
          setError(undefined);
          dialogRef.current?.showModal();
        }}
      >
        Block
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-zinc-800 bg-zinc-900 p-6 text-zinc-100 shadow-2xl backdrop:bg-black/70"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          Block {username}?
        </h2>
        <p className="mt-2 text-sm text-zinc-400">
          They will no longer be able to watch your streams or follow you, and you both stop following each other. If they are
          watching right now, they leave your stream at once. You can unblock them in Settings.
        </p>
        {error && (
          <p role="alert" className="mt-3 rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
            {error}
          </p>
        )}
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={() => dialogRef.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" loading={pending} onClick={() => run(() => block(username))}>
            Block {username}
          </Button>
        </div>
      </dialog>
    </>
  );
}
