import type { ViewerSource } from '@streamhouse/contract';
import { pageBefore } from '@/lib/page-history.ts';

/** Top-level pages that are not profiles (`/:username`). */
const NOT_PROFILES = new Set(['search', 'following', 'settings', 'signin', 'signup', 'dashboard', 'admin']);

/**
 * Where the viewer opened `watchPath` from, for the creator's analytics: a page of the site, DIRECT when they
 * arrived from outside (a shared link, a bookmark), undefined for other pages of the site.
 */
export function viewerSource(watchPath: string): ViewerSource | undefined {
  const from = pageBefore(watchPath);
  if (from === undefined) return 'DIRECT';
  if (from === '/') return 'HOME';
  if (from === '/search') return 'SEARCH';
  if (from === '/following') return 'FOLLOWING';
  const segments = from.split('/').filter(Boolean);
  if (segments.length === 1 && !NOT_PROFILES.has(segments[0]!.toLowerCase())) return 'PROFILE';
  return undefined;
}
