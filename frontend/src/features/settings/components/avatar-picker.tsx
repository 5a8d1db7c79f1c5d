import { useId, useRef } from 'react';
import { Avatar } from '@/components/avatar.tsx';
import { Button } from '@/components/button.tsx';
import { ACCEPTED_IMAGE_TYPES } from '@/lib/upload-image.ts';
import { useImageUpload } from '@/lib/use-image-upload.ts';

/** Uploads a picture straight away (checked here and again on the server); the form saves the URL. */
export function AvatarPicker({
  url,
  name,
  onChange,
}: {
  url: string | null;
  name: string;
  onChange: (url: string | null) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const { handleFile, uploading, error } = useImageUpload((uploaded) => onChange(uploaded));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-medium text-zinc-300">Profile picture</legend>
      <div className="flex items-center gap-4">
        <Avatar url={url} name={name} size="lg" />
        <div className="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-2">
          <input
            ref={inputRef}
            type="file"
            accept={ACCEPTED_IMAGE_TYPES}
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={handleFile}
            data-testid="avatar-file"
          />
          <Button variant="secondary" loading={uploading} onClick={() => inputRef.current?.click()} aria-describedby={hintId}>
            {url ? 'Change picture' : 'Upload picture'}
          </Button>
          {url && (
            <Button variant="ghost" onClick={() => onChange(null)}>
              Remove
            </Button>
          )}
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      ) : (
        <p id={hintId} className="text-xs text-zinc-500">
          PNG, JPEG, WebP or GIF, up to 2 MB.
        </p>
      )}
    </fieldset>
  );
}
