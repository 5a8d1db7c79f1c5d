import { useEffect, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';
import { ProfileSettingsForm } from '@/features/settings/components/profile-settings-form.tsx';
import { BlockedList } from '@/features/social/components/blocked-list.tsx';
import { EmailSettings } from '@/features/account/components/email-settings.tsx';
import { PasswordSettings } from '@/features/account/components/password-settings.tsx';
import { SessionsList } from '@/features/account/components/sessions-list.tsx';
import { AccountDataActions } from '@/features/account/components/delete-account.tsx';
import { TwoFactorSettings } from '@/features/account/components/two-factor-settings.tsx';
import { PasskeySettings } from '@/features/account/components/passkey-settings.tsx';
import { SignedInOnly } from './signed-in-only.tsx';

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-zinc-800 bg-zinc-900/60 p-5 sm:p-6">
      <h2 id={id} className={`${intro ? 'mb-1' : 'mb-5'} text-lg font-semibold`}>
        {title}
      </h2>
      {intro && <p className="mb-4 text-sm text-zinc-400">{intro}</p>}
      {children}
    </section>
  );
}

/** The landing of an email confirmation link: `?email=confirmed`, with `error=` when the link did not work. */
function EmailConfirmationNotice({ onConfirmed }: { onConfirmed: () => void }) {
  const [params] = useSearchParams();
  const landed = params.get('email') === 'confirmed';
  const error = params.get('error');
  useEffect(() => {
    if (landed && !error) onConfirmed();
  }, [landed, error, onConfirmed]);
  if (!landed) return null;
  return error ? (
    <p role="alert" className="rounded-xl bg-red-500/10 px-4 py-3 text-sm text-red-300">
      That confirmation link has expired or was already used. Send a new one below.
    </p>
  ) : (
    <p role="status" className="rounded-xl bg-emerald-500/10 px-4 py-3 text-sm text-emerald-300">
      Your email address is confirmed.
    </p>
  );
}

export function SettingsRoute() {
  const load = useSessionStore((session) => session.load);
  return (
    <SignedInOnly>
      {(user) => (
        <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:py-10">
          <title>Settings · Streamhouse</title>
          <div>
            <h1 className="text-2xl font-bold">Settings</h1>
            <p className="text-sm break-all text-zinc-400">
              Signed in as @{user.displayUsername} ({user.email})
            </p>
          </div>
          <EmailConfirmationNotice onConfirmed={load} />
          <Section id="profile-settings" title="Profile">
            {/* The header shows the new name and picture once the session is re-read. */}
            <ProfileSettingsForm username={user.username} onSaved={() => void load()} />
          </Section>
          <Section id="email-settings" title="Email address">
            <EmailSettings email={user.email} confirmed={user.emailVerified} onChanged={() => void load()} />
          </Section>
          <Section id="password-settings" title="Password">
            <PasswordSettings onChanged={() => void load()} />
          </Section>
          <Section id="two-factor-settings" title="Two-factor sign-in">
            <TwoFactorSettings enabled={user.twoFactorEnabled ?? false} onChanged={() => void load()} />
          </Section>
          <Section
            id="passkey-settings"
            title="Passkeys"
            intro="Sign in with your device's lock (fingerprint, face or PIN) or a security key, without a password."
          >
            <PasskeySettings />
          </Section>
          <Section id="sessions-settings" title="Sessions" intro="Where your account is signed in.">
            <SessionsList />
          </Section>
          <Section id="blocked-settings" title="Blocked users" intro="They cannot watch your streams or follow you.">
            <BlockedList owner={user.username} />
          </Section>
          <Section id="account-data-settings" title="Your data">
            <AccountDataActions
              username={user.displayUsername}
              twoFactorEnabled={user.twoFactorEnabled ?? false}
              // A fresh start on the home page: nothing of the account stays in this tab's memory (cached pages,
              // the event stream), whatever the other tabs heard first.
              onDeleted={() => window.location.replace(paths.home.to())}
            />
          </Section>
        </div>
      )}
    </SignedInOnly>
  );
}
