import { useSessionStore } from '@/features/auth/stores/session-store.ts';
import { ProfileSettingsForm } from '@/features/settings/components/profile-settings-form.tsx';
import { BlockedList } from '@/features/social/components/blocked-list.tsx';
import { SignedInOnly } from './signed-in-only.tsx';

export function SettingsRoute() {
  const load = useSessionStore((session) => session.load);
  return (
    <SignedInOnly>
      {(user) => (
        <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:py-10">
          <title>Settings · Streamhouse</title>
          <div>
            <h1 className="text-2xl font-bold">Settings</h1>
            <p className="text-sm text-zinc-400">
              Signed in as @{user.displayUsername} ({user.email})
            </p>
          </div>
          <section aria-labelledby="profile-settings" className="rounded-2xl border border-zinc-800 bg-zinc-900/60 p-5 sm:p-6">
            <h2 id="profile-settings" className="mb-5 text-lg font-semibold">
              Profile
            </h2>
            {/* The header shows the new name and picture once the session is re-read. */}
            <ProfileSettingsForm username={user.username} onSaved={() => void load()} />
          </section>
          <section aria-labelledby="blocked-settings" className="rounded-2xl border border-zinc-800 bg-zinc-900/60 p-5 sm:p-6">
            <h2 id="blocked-settings" className="mb-1 text-lg font-semibold">
              Blocked users
            </h2>
            <p className="mb-3 text-sm text-zinc-400">They cannot watch your streams or follow you.</p>
            <BlockedList owner={user.username} />
          </section>
        </div>
      )}
    </SignedInOnly>
  );
}
