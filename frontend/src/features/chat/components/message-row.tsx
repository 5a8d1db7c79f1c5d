import type { ChatMessage, ChatViewer } from '../api/chat-types.ts';
import { MessageActions, type ModerationNotice } from './message-actions.tsx';
import { SenderName } from './sender-name.tsx';

type MessageRowProps = {
  hostId: string;
  message: ChatMessage;
  viewer: ChatViewer | null;
  isPinned: boolean;
  onNotice: (notice: ModerationNotice) => void;
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

export function MessageRow({ hostId, message, viewer, isPinned, onNotice }: MessageRowProps) {
  return (
    <li
      className={`group relative rounded-md py-1 pl-2 text-sm leading-6 break-words hover:bg-zinc-800/60 has-[[aria-expanded=true]]:bg-zinc-800/60 ${viewer?.canModerate ? 'pr-9' : 'pr-2'}`}
      data-testid="chat-message"
      data-message-id={message.id}
    >
      <time className="sr-only" dateTime={message.createdAt}>
        {timeFormat.format(new Date(message.createdAt))}
      </time>
      <SenderName message={message} />
      <span className="text-zinc-400">: </span>
      <span className="text-zinc-100">{message.body}</span>
      {viewer?.canModerate && (
        <MessageActions hostId={hostId} message={message} viewer={viewer} isPinned={isPinned} onNotice={onNotice} />
      )}
    </li>
  );
}
