import { useParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { CategoryGrid } from '@/features/discovery/components/category-grid.tsx';
import { CategoryStreams } from '@/features/discovery/components/category-streams.tsx';
import type { StreamCard } from '@/features/discovery/api/discovery-api.ts';

const watchHref = (card: StreamCard) => paths.watch.to(card.username);

export function BrowseRoute() {
  return (
    <div className="mx-auto flex max-w-screen-2xl flex-col gap-6 px-4 py-6 sm:py-8">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Browse</h1>
      <CategoryGrid categoryHref={paths.browseCategory.to} />
    </div>
  );
}

export function BrowseCategoryRoute() {
  const { category = '' } = useParams();
  return (
    <div className="mx-auto max-w-screen-2xl px-4 py-6 sm:py-8">
      <CategoryStreams key={category} slug={category} cardHref={watchHref} />
    </div>
  );
}
