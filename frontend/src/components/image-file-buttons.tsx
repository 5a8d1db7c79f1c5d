import { useRef } from 'react';
import { ACCEPTED_IMAGE_TYPES } from '@/lib/upload-image.ts';
import type { useImageUpload } from '@/lib/use-image-upload.ts';
import { Button } from './button.tsx';

type ImageFileButtonsProps = {
  upload: ReturnType<typeof useImageUpload>;
  /** What the picture is, as the buttons name it: "picture", "thumbnail". */
  noun: string;
  hasImage: boolean;
  onRemove: () => void;
  describedBy: string;
  testId: string;
};

/** "Upload …" / "Change …" (opening the file chooser) and "Remove", around a hidden file input. */
export function ImageFileButtons({ upload, noun, hasImage, onRemove, describedBy, testId }: ImageFileButtonsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={upload.handleFile}
        data-testid={testId}
      />
      <Button
        variant="secondary"
        loading={upload.uploading}
        onClick={() => inputRef.current?.click()}
        aria-describedby={describedBy}
      >
        {hasImage ? `Change ${noun}` : `Upload ${noun}`}
      </Button>
      {hasImage && (
        <Button variant="ghost" onClick={onRemove}>
          Remove
        </Button>
      )}
    </>
  );
}
