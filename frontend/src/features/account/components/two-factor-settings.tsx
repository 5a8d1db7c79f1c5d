import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { CopyButton } from '@/components/copy-button.tsx';
import { TextField } from '@/components/text-field.tsx';
import { confirmTwoFactor, renewBackupCodes, startTwoFactor, turnOffTwoFactor, type TwoFactorSetup } from '../api/account-api.ts';
import { OutcomeMessage, useAccountAction } from '../hooks/use-account-action.tsx';

/** The otpauth:// URI as a QR code (an SVG data URL); the library loads only when someone sets the app up. */
function useQrCode(text: string): string | undefined {
  const [image, setImage] = useState<string>();
  useEffect(() => {
    let current = true;
    void import('qrcode').then(async (QRCode) => {
      const svg = await QRCode.toString(text, { type: 'svg', margin: 1, color: { dark: '#09090b', light: '#ffffff' } });
      if (current) setImage(`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [text]);
  return image;
}

function BackupCodes({ codes }: { codes: string[] }) {
  const text = codes.join('\n');
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-zinc-300">
        Backup codes: each signs you in once if your phone is not at hand. Keep them somewhere safe; they are shown only now.
      </p>
      <ul
        className="grid grid-cols-2 gap-1 rounded-lg bg-zinc-950 p-3 font-mono text-sm text-zinc-100 sm:grid-cols-5"
        aria-label="Backup codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={text} label="backup codes" />
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(`Streamhouse backup codes\n\n${text}\n`)}`}
          download="streamhouse-backup-codes.txt"
          className="inline-flex items-center rounded-lg bg-zinc-800 px-3 py-1.5 text-sm font-semibold text-zinc-100 hover:bg-zinc-700"
        >
          Download
        </a>
      </div>
    </div>
  );
}

function AppSetup({ setup, onConfirmed }: { setup: TwoFactorSetup; onConfirmed: () => void }) {
  const qr = useQrCode(setup.totpURI);
  const secret = new URL(setup.totpURI).searchParams.get('secret') ?? '';
  const [code, setCode] = useState('');
  const action = useAccountAction();

  async function handleConfirm(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return action.fail('Enter the 6-digit code your app shows.');
    const confirmed = await action.run(async () => {
      await confirmTwoFactor(code.replace(/\s/g, ''));
      return 'Two-factor sign-in is on.';
    }, 'Could not check the code. Please try again.');
    if (confirmed) onConfirmed();
  }

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="flex size-44 shrink-0 items-center justify-center self-center rounded-xl bg-white p-2 sm:self-start">
          {qr ? <img src={qr} alt="QR code to scan with your authenticator app" className="size-full" /> : null}
        </div>
        <div className="flex min-w-0 flex-col gap-2 text-sm text-zinc-300">
          <p>1. Scan the code with an authenticator app (Google Authenticator, 1Password, Aegis, …).</p>
          <p>Can't scan? Enter this key in the app instead:</p>
          <div className="flex items-center gap-2">
            <code className="min-w-0 rounded bg-zinc-950 px-2 py-1 font-mono text-xs break-all text-zinc-100">{secret}</code>
            <CopyButton value={secret} label="setup key" />
          </div>
        </div>
      </div>
      <BackupCodes codes={setup.backupCodes} />
      <form onSubmit={handleConfirm} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          className="flex-1"
          label="2. Enter the code the app shows"
          name="one-time-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <Button type="submit" loading={action.pending}>
          Turn on
        </Button>
      </form>
      <OutcomeMessage outcome={action.outcome} />
    </div>
  );
}

type Step =
  | { kind: 'idle' }
  | { kind: 'password'; purpose: 'turn-on' | 'turn-off' | 'new-codes' }
  | { kind: 'setup'; setup: TwoFactorSetup };

const PURPOSE_LABEL = { 'turn-on': 'Continue', 'turn-off': 'Turn off', 'new-codes': 'Make new codes' } as const;

/** Two-factor sign-in with an authenticator app: turning it on (QR code, backup codes, a first code), off, new codes. */
export function TwoFactorSettings({ enabled, onChanged }: { enabled: boolean; onChanged: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [password, setPassword] = useState('');
  const [newCodes, setNewCodes] = useState<string[]>();
  const action = useAccountAction();

  async function handlePassword(event: FormEvent) {
    event.preventDefault();
    if (step.kind !== 'password') return;
    if (!password) return action.fail('Enter your password.');
    const purpose = step.purpose;
    await action.run(async () => {
      if (purpose === 'turn-on') {
        setStep({ kind: 'setup', setup: await startTwoFactor(password) });
        return 'Now set up the app.';
      }
      if (purpose === 'new-codes') {
        setNewCodes(await renewBackupCodes(password));
        setStep({ kind: 'idle' });
        return 'New backup codes made; the old ones no longer work.';
      }
      await turnOffTwoFactor(password);
      setStep({ kind: 'idle' });
      onChanged();
      return 'Two-factor sign-in is off.';
    }, 'That did not work. Please try again.');
    setPassword('');
  }

  if (step.kind === 'setup')
    return (
      <AppSetup
        setup={step.setup}
        onConfirmed={() => {
          setStep({ kind: 'idle' });
          onChanged();
        }}
      />
    );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        {enabled ? (
          <span className="rounded-full bg-emerald-500/15 px-2 py-0.5 text-xs font-semibold text-emerald-300">On</span>
        ) : (
          <span className="rounded-full bg-zinc-700/60 px-2 py-0.5 text-xs font-semibold text-zinc-300">Off</span>
        )}
        <p className="text-sm text-zinc-400">
          {enabled
            ? 'Signing in asks for a code from your authenticator app.'
            : 'Ask for a code from an authenticator app at sign-in, so a stolen password alone cannot take your channel.'}
        </p>
      </div>
      {step.kind === 'password' ? (
        <form onSubmit={handlePassword} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField
            className="flex-1"
            label="Your password"
            name="two-factor-password"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" variant={step.purpose === 'turn-off' ? 'danger' : 'primary'} loading={action.pending}>
              {PURPOSE_LABEL[step.purpose]}
            </Button>
            <Button variant="ghost" onClick={() => setStep({ kind: 'idle' })}>
              Cancel
            </Button>
          </div>
        </form>
      ) : enabled ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setStep({ kind: 'password', purpose: 'new-codes' })}>
            New backup codes
          </Button>
          <Button variant="secondary" onClick={() => setStep({ kind: 'password', purpose: 'turn-off' })}>
            Turn off
          </Button>
        </div>
      ) : (
        <Button className="self-start" onClick={() => setStep({ kind: 'password', purpose: 'turn-on' })}>
          Turn on two-factor sign-in
        </Button>
      )}
      <OutcomeMessage outcome={action.outcome} />
      {newCodes && <BackupCodes codes={newCodes} />}
    </div>
  );
}
