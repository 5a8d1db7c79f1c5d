import { useState } from 'react';
import { Button } from '@/components/button.tsx';
import { ConfirmDialog } from '@/components/confirm-dialog.tsx';
import { TextField } from '@/components/text-field.tsx';
import { ACCOUNT_EXPORT_URL, deleteAccount } from '../api/account-api.ts';
import { OutcomeMessage, useAccountAction } from '../hooks/use-account-action.tsx';

/** Download my data, and delete my account (confirmed with the password in a dialog). */
export function AccountDataActions({
  username,
  twoFactorEnabled,
  onDeleted,
}: {
  username: string;
  twoFactorEnabled: boolean;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const action = useAccountAction();

  async function confirm() {
    if (!password) return action.fail('Enter your password to confirm.');
    const done = await action.run(
      async () => (await deleteAccount(password), 'Your account was deleted.'),
      'Could not delete the account.',
    );
    if (done) onDeleted();
  }

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-zinc-400">
          A JSON file of your profile, follows, blocks, chat messages, replays and broadcasts.
        </p>
        <a
          href={ACCOUNT_EXPORT_URL}
          download
          className="inline-flex shrink-0 items-center justify-center rounded-lg bg-zinc-800 px-4 py-2 text-sm font-semibold text-zinc-100 hover:bg-zinc-700"
        >
          Download my data
        </a>
      </div>
      <div className="flex flex-col gap-2 border-t border-zinc-800 pt-5 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-zinc-400">
          Ends your stream, deletes your keys, replays, pictures, follows and blocks. Your chat messages stay as “deleted user”.
        </p>
        <Button variant="danger" className="shrink-0" onClick={() => setOpen(true)}>
          Delete my account
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Delete @${username} for good?`}
        confirmLabel="Delete my account"
        busy={action.pending}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setOpen(false);
          setPassword('');
          setCode('');
          action.clear();
        }}
      >
        <p>This cannot be undone. Everything of your channel goes, and your username becomes free for anyone.</p>
        <TextField
          label="Your password"
          name="confirm-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void confirm();
          }}
        />
        {twoFactorEnabled && (
          <TextField
            label="Code from your authenticator app (or a backup code)"
            name="one-time-code"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        )}
        <OutcomeMessage outcome={action.outcome?.kind === 'failed' ? action.outcome : undefined} />
      </ConfirmDialog>
    </div>
  );
}
