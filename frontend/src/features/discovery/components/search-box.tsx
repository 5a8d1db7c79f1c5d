import { useState, type FormEvent } from 'react';
import { SearchIcon } from '@/components/icons.tsx';
import { SEARCH_QUERY_MAX_LENGTH } from '@streamhouse/contract';

/** The header's search field; the route decides where a search goes. */
export function SearchBox({ initialQuery = '', onSearch }: { initialQuery?: string; onSearch: (query: string) => void }) {
  const [query, setQuery] = useState(initialQuery);
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = query.trim();
    if (trimmed) onSearch(trimmed.slice(0, SEARCH_QUERY_MAX_LENGTH));
  }
  return (
    <form role="search" onSubmit={handleSubmit} className="relative w-full max-w-md">
      <label htmlFor="site-search" className="sr-only">
        Search channels and streams
      </label>
      <SearchIcon className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
      <input
        id="site-search"
        type="search"
        value={query}
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Search"
        className="w-full rounded-full border border-zinc-800 bg-zinc-900 py-1.5 pl-9 pr-3 text-sm text-zinc-100 placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none focus:ring-1 focus:ring-accent-500"
      />
    </form>
  );
}
