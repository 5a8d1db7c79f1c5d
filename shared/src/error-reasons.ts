/**
 * Why a request was refused, finer than its error code: the `reason` of an error answer. Programs branch on
 * these (the chat composer, the replay page, tests), so they are one closed list; each says when it is given.
 */
export const ERROR_REASONS = {
  BLOCKED: 'The creator blocked the caller.',
  BANNED: 'The caller (or, for a guest, their network) is banned from this chat.',
  TIMED_OUT: 'The caller is timed out in this chat; `retryAfterMs` says for how long.',
  SLOW_MODE: 'Slow mode: the next message may follow after `retryAfterMs`.',
  TOO_FAST: 'More messages or reactions a second than anyone may send; retry after `retryAfterMs`.',
  CHAT_DISABLED: 'The creator turned chat off.',
  FOLLOWERS_ONLY: 'Only followers may do this (chat or replays).',
  GUESTS_CANNOT_CHAT: 'The creator lets only signed-in viewers chat.',
  GUEST_NAME_TAKEN: 'The guest name reads the same as a username, the creator or a moderator.',
  GUEST_PASSES: 'Too many guest passes from this network; retry after `retryAfterMs`.',
  NOT_IN_ROOM: 'A guest pass chats only while its holder is in the room.',
  WRONG_ROOM: 'The chat pass is for another channel.',
  IDENTITY_MISMATCH: 'The chat pass belongs to someone other than the session (signed in or out since).',
  NOT_OWNER: 'Only the channel’s creator may do this.',
  NOT_MODERATOR: 'Only the creator and their moderators may do this.',
  NOT_ADMIN: 'Only admins may do this.',
  NOT_ELIGIBLE: 'The account may not stream yet (approval or followers needed).',
  SELF: 'The action cannot target the caller themselves.',
  CREATOR: 'The creator cannot be moderated in their own chat.',
  PRIVATE: 'The creator keeps these replays to themselves.',
  QUOTA: 'The caller’s upload storage is full.',
  INSTANCE_FULL: 'This server holds as many live-event streams as it may; retry after `retryAfterMs`.',
  NETWORK_FULL: 'This network holds as many live-event streams as it may; retry after `retryAfterMs`.',
  CROSS_ORIGIN: 'A state-changing request came from another site.',
  MALFORMED_ESCAPE: 'The address has a broken %-escape.',
  CONTROL_CHARACTER: 'The address holds a control character.',
  NUL_IN_BODY: 'The JSON body holds a NUL character.',
  WRONG_PASSWORD: 'The password given to confirm a change to the account is not its password.',
  CODE_NEEDED: 'Two-factor sign-in is on: a code from the authenticator app (or a backup code) must confirm this too.',
  WRONG_CODE: 'The two-factor code (or backup code) is wrong or already used.',
} as const satisfies Record<string, string>;

export type ErrorReason = keyof typeof ERROR_REASONS;
export const ERROR_REASON_NAMES = Object.keys(ERROR_REASONS) as [ErrorReason, ...ErrorReason[]];

export const isErrorReason = (value: unknown): value is ErrorReason =>
  typeof value === 'string' && Object.hasOwn(ERROR_REASONS, value);
