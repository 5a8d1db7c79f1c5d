import { useState } from 'react';
import { Button } from '@/components/button.tsx';
import { ConfirmDialog } from '@/components/confirm-dialog.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { resetStreamKey, type IngressType } from '../api/stream-keys-api.ts';
import { CredentialField } from './credential-field.tsx';
import { DelayNote } from './ingest-delay.tsx';

type KeyDetailsProps = {
  serverUrl: string;
  streamKey: string;
  type: IngressType;
  onReset: () => void;
};

/** The creator's key for OBS: server, key (hidden until asked), copy buttons, and a guarded reset. */
export function KeyDetails({ serverUrl, streamKey, type, onReset }: KeyDetailsProps) {
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [error, setError] = useState<string>();

  async function handleReset() {
    setResetting(true);
    setError(undefined);
    try {
      await resetStreamKey();
      setConfirming(false);
      onReset();
    } catch (caught) {
      setConfirming(false);
      setError(caught instanceof ApiError ? caught.message : 'Could not reset the key. Please try again.');
    } finally {
      setResetting(false);
    }
  }

  return (
    <div className="flex flex-col gap-4 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 font-semibold">
          Your stream key
          <span
            className="rounded bg-accent-600/20 px-1.5 py-0.5 text-xs font-bold text-accent-400"
            data-testid="stream-key-type"
          >
            {type}
          </span>
        </h2>
        <Button variant="ghost" className="text-red-300 hover:text-red-200" onClick={() => setConfirming(true)}>
          Reset key
        </Button>
      </div>
      <CredentialField label="Server URL" name="server URL" value={serverUrl} testId="stream-server-url" />
      <CredentialField
        label={type === 'WHIP' ? 'Stream key (OBS: Bearer Token)' : 'Stream key'}
        name="stream key"
        value={streamKey}
        secret
        testId="stream-key"
        hint="Anyone with this key can stream on your channel. Never show it on stream; reset it if it leaks."
      />
      <DelayNote type={type} />
      {error && (
        <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Reset your stream key?"
        confirmLabel="Reset key"
        busy={resetting}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void handleReset()}
      >
        <p>Your current key stops working immediately. If you are streaming with it right now, the stream ends.</p>
        <p className="font-semibold text-amber-300">
          You will have to paste a new key into OBS (Settings → Stream) before you can go live again.
        </p>
      </ConfirmDialog>
    </div>
  );
}
