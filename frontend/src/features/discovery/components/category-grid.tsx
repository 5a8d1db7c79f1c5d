import { Link } from 'react-router';
import { Button } from '@/components/button.tsx';
import { useServerState } from '@/lib/use-server-state.ts';
import { type BrowseCategory } from '../api/discovery-api.ts';
import { categoriesQuery } from '../api/discovery-queries.ts';

const GRID = 'grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-4';

/** The cover: the category's own gradient with its name on it (no image to load). */
export function CategoryCover({ category, className = '' }: { category: BrowseCategory; className?: string }) {
  return (
    <div
      className={`flex items-end rounded-xl p-3 ring-1 ring-white/10 ${className}`}
      style={{ backgroundImage: `linear-gradient(135deg, ${category.cover.from}, ${category.cover.to})` }}
    >
      <span className="text-base font-bold leading-tight text-white drop-shadow sm:text-lg">{category.name}</span>
    </div>
  );
}

const live = (count: number) => (count === 1 ? '1 live channel' : `${count} live channels`);

/** Every category, most live first, each linking to its page. */
export function CategoryGrid({ categoryHref }: { categoryHref: (slug: string) => string }) {
  const { state, reload } = useServerState(categoriesQuery());
  if (state.status === 'loading')
    return (
      <div className={GRID} aria-busy="true" aria-label="Loading categories">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="aspect-[4/3] animate-pulse rounded-xl bg-zinc-900" />
        ))}
      </div>
    );
  if (state.status === 'error')
    return (
      <div
        className="flex items-center gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 text-sm text-zinc-300"
        role="alert"
      >
        Could not load the categories.
        <Button variant="secondary" onClick={reload}>
          Try again
        </Button>
      </div>
    );
  return (
    <ul className={GRID} aria-label="Categories">
      {state.data.items.map((category) => (
        <li key={category.slug}>
          <Link
            to={categoryHref(category.slug)}
            className="group flex flex-col gap-2 rounded-xl focus-visible:outline-offset-4"
            data-testid="category-card"
          >
            <CategoryCover
              category={category}
              className="aspect-[4/3] transition group-hover:ring-2 group-hover:ring-accent-500"
            />
            <span className="flex items-center gap-1.5 text-sm text-zinc-400">
              {category.liveCount > 0 && <span className="size-2 rounded-full bg-red-500" aria-hidden="true" />}
              <span data-testid="category-live-count">{live(category.liveCount)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
