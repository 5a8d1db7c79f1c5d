import { useId } from 'react';
import { Avatar } from '@/components/avatar.tsx';
import { ImageFileButtons } from '@/components/image-file-buttons.tsx';
import { IMAGE_RULE } from '@/lib/upload-image.ts';
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
  const hintId = useId();
  const upload = useImageUpload((uploaded) => onChange(uploaded));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-medium text-zinc-300">Profile picture</legend>
      <div className="flex items-center gap-4">
        <Avatar url={url} name={name} size="lg" />
        <div className="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-2">
          <ImageFileButtons
            upload={upload}
            noun="picture"
            hasImage={Boolean(url)}
            onRemove={() => onChange(null)}
            describedBy={hintId}
            testId="avatar-file"
          />
        </div>
      </div>
      {upload.error ? (
        <p role="alert" className="text-sm text-red-400">
          {upload.error}
        </p>
      ) : (
        <p id={hintId} className="text-xs text-zinc-400">
          {IMAGE_RULE}.
        </p>
      )}
    </fieldset>
  );
}
