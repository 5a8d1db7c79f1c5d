/**
 * Limits the server enforces and the browser shows before anyone hits them. The server stays the judge: these
 * let a form say "at most 140 characters" with the same number the API checks.
 */

/** Chat messages, counted in characters as a person sees them (code points). */
export const MESSAGE_MAX_LENGTH = 500;
export const SLOW_MODE_MAX_SECONDS = 600;
export const TIMEOUT_MAX_MINUTES = 1440;
export const REACTIONS = ['like', 'love', 'fire', 'clap', 'wow'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** A stream's title and description. */
export const TITLE_MAX_LENGTH = 140;
/** A stream's tags: at most this many, each at most TAG_MAX_LENGTH characters (the title's text rules). */
export const TAGS_MAX = 5;
export const TAG_MAX_LENGTH = 24;
export const DESCRIPTION_MAX_LENGTH = 2000;

/** A search query (the header's search field and GET /api/search). */
export const SEARCH_QUERY_MAX_LENGTH = 50;

/** A profile's display name and bio. */
export const DISPLAY_NAME_MAX_LENGTH = 50;
export const BIO_MAX_LENGTH = 300;

/** Usernames become URLs (`/:username`). */
/** What an owner calls a passkey ("My laptop"). */
export const PASSKEY_NAME_MAX_LENGTH = 60;

/** Passwords: long enough to resist guessing, short enough that hashing one stays cheap. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 24;
export const USERNAME_PATTERN = new RegExp(`^[A-Za-z0-9_]{${USERNAME_MIN_LENGTH},${USERNAME_MAX_LENGTH}}$`);

/** The name a guest (no account) chats under. */
export const GUEST_NAME_MIN_LENGTH = 2;
export const GUEST_NAME_MAX_LENGTH = 24;
export const GUEST_NAME_PATTERN = /^[\p{L}\p{N} _.-]+$/u;

/** Avatars and thumbnails (POST /api/uploads); the server reads the real type from the bytes. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** Creator approval: a creator's note to the admins, and an admin's reason for the decision. */
export const CREATOR_NOTE_MAX_LENGTH = 500;
export const DECISION_REASON_MAX_LENGTH = 300;

/** Restream destinations (other platforms a creator's broadcast is sent on to) per creator. */
export const RESTREAM_DESTINATIONS_MAX = 5;
export const RESTREAM_NAME_MAX_LENGTH = 40;
export const RESTREAM_URL_MAX_LENGTH = 300;
export const RESTREAM_KEY_MAX_LENGTH = 300;
