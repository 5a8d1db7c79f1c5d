import { viewerSourceOf, type ViewerSource } from '@streamhouse/contract';
import { pageBefore } from '@/lib/page-history.ts';

/** Where the viewer opened `watchPath` from, for the creator's analytics (rules: viewerSourceOf, shared). */
export function viewerSource(watchPath: string): ViewerSource | undefined {
  return viewerSourceOf(pageBefore(watchPath));
}
