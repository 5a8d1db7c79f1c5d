import { ChatSettingsForm } from '@/features/chat/components/chat-settings-form.tsx';
import { ModeratorList } from '@/features/chat/components/moderator-list.tsx';
import { useDashboard } from './dashboard-layout.tsx';

export function DashboardChatRoute() {
  const { user } = useDashboard();
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Chat</h1>
        <p className="text-sm text-zinc-400">
          Rules for your stream’s chat. They apply the moment you change them, in every viewer’s chat.
        </p>
      </div>
      <div className="rounded-xl border border-zinc-800 bg-zinc-900 px-4 sm:px-6">
        <h2 className="sr-only">Chat rules</h2>
        <ChatSettingsForm />
      </div>
      <div className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900 p-4 sm:p-6">
        <div>
          <h2 className="text-lg font-semibold">Moderators</h2>
          <p className="text-sm text-zinc-400">
            Moderators can delete and pin messages, time people out, ban them and clear the chat. Only you can appoint them.
          </p>
        </div>
        <ModeratorList hostId={user.id} />
      </div>
    </section>
  );
}
