import { ApiError } from '@/lib/api-error.ts';
import { Button } from './button.tsx';
import { Spinner } from './spinner.tsx';

/** A section's place while its data loads, or why it could not load with "Try again". */
export function LoadFallback({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  if (!error)
    return (
      <div className="flex justify-center py-10 text-zinc-400" role="status">
        <Spinner />
        <span className="sr-only">Loading {what}…</span>
      </div>
    );
  return (
    <div className="flex flex-col items-start gap-3 py-6 text-sm text-zinc-400" role="alert">
      <p>
        Could not load {what}. {error instanceof ApiError ? error.message : 'Check your connection and try again.'}
      </p>
      <Button variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
