import { useId } from 'react';
import { ImageFileButtons } from '@/components/image-file-buttons.tsx';
import { IMAGE_RULE } from '@/lib/upload-image.ts';
import { useImageUpload } from '@/lib/use-image-upload.ts';

type ThumbnailPickerProps = { url: string | null; title: string; onChange: (url: string | null) => void; error?: string };

/** Uploads the offline thumbnail straight away (type and size checked here and on the server) and previews it as a card. */
export function ThumbnailPicker({ url, title, onChange, error: serverError }: ThumbnailPickerProps) {
  const hintId = useId();
  const upload = useImageUpload((uploaded) => onChange(uploaded));
  const shownError = upload.error ?? serverError;

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-medium text-zinc-300">Thumbnail</legend>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <figure className="w-full max-w-xs shrink-0 overflow-hidden rounded-lg border border-zinc-800 bg-zinc-950">
          <div className="relative aspect-video">
            {url ? (
              <img src={url} alt="Thumbnail preview" className="h-full w-full object-cover" data-testid="thumbnail-preview" />
            ) : (
              <div className="flex h-full items-center justify-center bg-gradient-to-br from-accent-600/30 to-zinc-900 text-xs text-zinc-400">
                No thumbnail yet
              </div>
            )}
          </div>
          <figcaption className="truncate px-3 py-2 text-sm font-medium text-zinc-200">
            {title.trim() || 'Untitled stream'}
          </figcaption>
        </figure>
        <div className="flex flex-col items-start gap-2">
          <ImageFileButtons
            upload={upload}
            noun="thumbnail"
            hasImage={Boolean(url)}
            onRemove={() => onChange(null)}
            describedBy={hintId}
            testId="thumbnail-file"
          />
          <p id={hintId} className="text-xs text-zinc-400">
            Shown on your stream’s card in lists. {IMAGE_RULE}; 16:9 looks best (1280×720).
          </p>
        </div>
      </div>
      {shownError && (
        <p role="alert" className="text-sm text-red-400">
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
