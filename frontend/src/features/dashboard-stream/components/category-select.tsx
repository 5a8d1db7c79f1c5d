import type { CategoryOption } from '../api/stream-info-api.ts';

/** The stream's category, from the same list Browse shows ('' for none). */
export function CategorySelect({
  value,
  options,
  onChange,
  error,
}: {
  value: string;
  options: CategoryOption[];
  onChange: (slug: string) => void;
  error?: string;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="stream-category" className="text-sm font-medium text-zinc-300">
        Category
      </label>
      <select
        id="stream-category"
        name="category"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'stream-category-error' : 'stream-category-hint'}
        className={`rounded-lg border bg-zinc-900 px-3 py-2 text-zinc-100 focus:outline-none focus:ring-2 focus:ring-accent-500 ${error ? 'border-red-500' : 'border-zinc-700'}`}
      >
        <option value="">No category</option>
        {options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
      {error ? (
        <p id="stream-category-error" role="alert" className="text-sm text-red-400">
          {error}
        </p>
      ) : (
        <p id="stream-category-hint" className="text-xs text-zinc-400">
          Viewers find you under it in Browse.
        </p>
      )}
    </div>
  );
}
