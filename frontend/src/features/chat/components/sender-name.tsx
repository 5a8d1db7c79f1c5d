import type { ChatMessage } from '../api/chat-types.ts';

const BADGE = 'mr-1 inline-block rounded px-1 align-[1px] text-[10px] font-bold uppercase leading-4 tracking-wide';

/** The sender's name in their colour, with the creator/moderator badge or a guest marker. */
export function SenderName({ message }: { message: ChatMessage }) {
  return (
    <>
      {message.role === 'creator' && <span className={`${BADGE} bg-accent-600 text-white`}>Creator</span>}
      {message.role === 'moderator' && <span className={`${BADGE} bg-emerald-700 text-white`}>Mod</span>}
      <span className="font-semibold" style={{ color: message.color }}>
        {message.senderName}
      </span>
      {message.isGuest && <span className="ml-1 text-xs text-zinc-400">(guest)</span>}
    </>
  );
}
