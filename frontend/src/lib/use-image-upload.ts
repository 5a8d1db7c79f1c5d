import { useState, type ChangeEvent } from 'react';
import { ApiError } from './api-client.ts';
import { checkImageFile, uploadImage } from './upload-image.ts';

/**
 * The change handler for an image <input type="file">: checks the file, uploads it straight away and
 * hands the URL to `onUploaded`; the form saves it later. Tracks progress and a sentence for errors.
 */
export function useImageUpload(onUploaded: (url: string) => void) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = checkImageFile(file);
    if (problem) {
      setError(problem);
      return;
    }
    setUploading(true);
    setError(undefined);
    try {
      onUploaded((await uploadImage(file)).url);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The upload failed. Please try again.');
    } finally {
      setUploading(false);
    }
  }

  return { handleFile, uploading, error };
}
