import { useState, type FormEvent } from 'react';
import { PASSKEY_NAME_MAX_LENGTH } from '@streamhouse/contract';
import { Button } from '@/components/button.tsx';
import { LoadFallback } from '@/components/load-fallback.tsx';
import { TextField } from '@/components/text-field.tsx';
import { useServerState } from '@/lib/use-server-state.ts';
import { addPasskey, removePasskey, type Passkey } from '../api/account-api.ts';
import { passkeysQuery } from '../api/account-queries.ts';
import { OutcomeMessage, useAccountAction } from '../hooks/use-account-action.tsx';

const dated = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** The browser refused or the person cancelled: say so plainly rather than the API's words. */
function webAuthnMessage(error: unknown): string | undefined {
  const name = (error as Error | undefined)?.name;
  if (name === 'NotAllowedError') return 'The passkey was not created (cancelled, or the device said no).';
  if (name === 'InvalidStateError') return 'This device already holds a passkey for your account.';
  return undefined;
}

function PasskeyRow({ passkey, onRemoved }: { passkey: Passkey; onRemoved: () => void }) {
  const action = useAccountAction();
  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <span className="min-w-0 flex-1">
        <span className="block font-medium text-zinc-100">{passkey.name}</span>
        <span className="block text-sm text-zinc-400">
          Added {dated(passkey.createdAt)} · {passkey.lastUsedAt ? `last used ${dated(passkey.lastUsedAt)}` : 'not used yet'}
        </span>
      </span>
      <Button
        variant="secondary"
        loading={action.pending}
        aria-label={`Remove the passkey ${passkey.name}`}
        onClick={async () => {
          if (await action.run(async () => (await removePasskey(passkey.id), 'Removed.'), 'Could not remove it.')) onRemoved();
        }}
      >
        Remove
      </Button>
      {action.outcome?.kind === 'failed' && (
        <div className="w-full">
          <OutcomeMessage outcome={action.outcome} />
        </div>
      )}
    </li>
  );
}

/** Passkeys: sign in with the device's lock (fingerprint, face, PIN) or a security key, no password. */
export function PasskeySettings() {
  const { state, reload, setData } = useServerState(passkeysQuery());
  const [name, setName] = useState('');
  const add = useAccountAction();

  async function handleAdd(event: FormEvent) {
    event.preventDefault();
    const label = name.trim() || 'My passkey';
    await add.run(async () => {
      try {
        const passkey = await addPasskey(label);
        setData((current) => ({ passkeys: [...current.passkeys, passkey] }));
        setName('');
        return `Passkey “${passkey.name}” added: you can sign in with it now.`;
      } catch (error) {
        const message = webAuthnMessage(error);
        if (message) throw new Error(message, { cause: error });
        throw error;
      }
    }, 'Could not add the passkey. Please try again.');
  }

  if (state.status !== 'ready')
    return <LoadFallback what="your passkeys" error={state.status === 'error' ? state.error : undefined} onRetry={reload} />;
  return (
    <div className="flex flex-col gap-4">
      {state.data.passkeys.length ? (
        <ul className="divide-y divide-zinc-800" aria-label="Passkeys">
          {state.data.passkeys.map((passkey) => (
            <PasskeyRow
              key={passkey.id}
              passkey={passkey}
              onRemoved={() => setData((current) => ({ passkeys: current.passkeys.filter((other) => other.id !== passkey.id) }))}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-400">No passkeys yet.</p>
      )}
      <form onSubmit={handleAdd} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          className="flex-1"
          label="Name for a new passkey"
          name="passkey-name"
          placeholder="e.g. My laptop"
          maxLength={PASSKEY_NAME_MAX_LENGTH}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" variant="secondary" loading={add.pending}>
          Add a passkey
        </Button>
      </form>
      <OutcomeMessage outcome={add.outcome} />
    </div>
  );
}
