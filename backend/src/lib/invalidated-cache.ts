import { LRUCache } from 'lru-cache';
import { listen, notify } from './pg-listener.ts';
import { logger } from './logger.ts';

type Executor = Parameters<typeof notify>[0];

/** The notification payload that drops every key. */
const ALL = '*';
/** A payload starting with this drops every entry carrying the tag after it (keys never start with it). */
const TAG = '#';

export type InvalidatedCache<V extends object> = {
  /** The cached value, or a fresh load (cached only while this instance hears invalidations). */
  get: (key: string) => Promise<V>;
  /**
   * After a change: drops the key here at once and tells every other instance. Pass the transaction that made
   * the change, so the others hear of it exactly when it commits.
   */
  invalidate: (db: Executor, key: string) => Promise<void>;
  /** After a change that touches every entry (e.g. any list of live streams). */
  invalidateAll: (db: Executor) => Promise<void>;
  /**
   * After a change to everything one tag names (`tagsOf`; e.g. every session of one user, whose keys cannot be
   * told from the user): drops those entries here and on every other instance, and nothing else.
   */
  invalidateTag: (db: Executor, tag: string) => Promise<void>;
  /** Drops everything held here (tests, and a lost LISTEN connection). */
  clear: () => void;
};

/**
 * A per-instance read-through cache for hot paths (chat rules on every message, public pages on every visit),
 * kept correct across instances by PostgreSQL NOTIFY on `channel`: a write anywhere drops the key everywhere
 * within milliseconds. When the LISTEN connection is down nothing is cached (every read goes to the database),
 * and `ttlMs` bounds how long any entry lives regardless.
 */
export function invalidatedCache<V extends object>(options: {
  channel: string;
  max: number;
  ttlMs: number;
  load: (key: string) => Promise<V>;
  /** The tags an entry carries, for invalidateTag. */
  tagsOf?: (value: V) => string[];
}): InvalidatedCache<V> {
  const entries = new LRUCache<string, V>({ max: options.max, ttl: options.ttlMs });
  /** Bumped on every invalidation of a key, so a load that raced an invalidation is not stored. */
  const versions = new Map<string, number>();
  let listening: Promise<boolean> | undefined;

  const drop = (key: string) => {
    entries.delete(key);
    versions.set(key, (versions.get(key) ?? 0) + 1);
    if (versions.size > options.max * 2) {
      versions.clear();
      generation += 1;
    }
  };
  /** Bumped when everything is dropped, for the same reason. */
  let generation = 0;
  const clear = () => {
    entries.clear();
    versions.clear();
    generation += 1;
  };
  const dropTagged = (tag: string) => {
    const tagged = [...entries.entries()].filter(([, value]) => options.tagsOf?.(value).includes(tag));
    for (const [key] of tagged) entries.delete(key);
    // A load under way may be of a tagged entry: it is not kept.
    generation += 1;
  };
  const onMessage = (payload: string) =>
    payload === ALL ? clear() : payload.startsWith(TAG) ? dropTagged(payload.slice(TAG.length)) : drop(payload);

  function ensureListening(): Promise<boolean> {
    listening ??= listen(options.channel, {
      onMessage,
      onLost: () => {
        clear();
        listening = undefined;
      },
    }).then(
      () => true,
      (error: unknown) => {
        logger.warn({ err: error, channel: options.channel }, 'cache cannot hear invalidations; reading through');
        listening = undefined;
        return false;
      },
    );
    return listening;
  }

  return {
    async get(key) {
      if (!(await ensureListening())) return options.load(key);
      const hit = entries.get(key);
      if (hit) return hit;
      const [version, loadedIn] = [versions.get(key) ?? 0, generation];
      const value = await options.load(key);
      if ((versions.get(key) ?? 0) === version && generation === loadedIn) entries.set(key, value);
      return value;
    },
    async invalidate(db, key) {
      drop(key);
      await notify(db, options.channel, key);
    },
    async invalidateAll(db) {
      clear();
      await notify(db, options.channel, ALL);
    },
    async invalidateTag(db, tag) {
      dropTagged(tag);
      await notify(db, options.channel, `${TAG}${tag}`);
    },
    clear,
  };
}
