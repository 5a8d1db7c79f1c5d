import { useSearchParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { StatusPanel } from '@/components/status-panel.tsx';
import { SearchResults } from '@/features/discovery/components/search-results.tsx';
import type { StreamCard } from '@/features/discovery/api/discovery-api.ts';

const watchHref = (card: StreamCard) => paths.watch.to(card.username);

export function SearchRoute() {
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim().slice(0, 50);
  return (
    <div className="mx-auto max-w-screen-2xl px-4 py-6 sm:py-8">
      {query ? (
        <SearchResults key={query} query={query} cardHref={watchHref} />
      ) : (
        <StatusPanel title="Search for a channel">Type a name or a stream title in the search box.</StatusPanel>
      )}
    </div>
  );
}
