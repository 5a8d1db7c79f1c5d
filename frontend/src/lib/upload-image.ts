import { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageType } from '@streamhouse/contract';
import { client, unwrap, type Schema } from './api-client.ts';

/** For a file input's `accept`: the types the server takes. */
export const ACCEPTED_IMAGE_TYPES = IMAGE_TYPES.join(',');

const isAcceptedType = (type: string): type is ImageType => (IMAGE_TYPES as readonly string[]).includes(type);

/** Checks a chosen file before uploading; returns a sentence for the user, or undefined when fine. */
export function checkImageFile(file: File): string | undefined {
  if (!isAcceptedType(file.type)) return 'Choose a PNG, JPEG, WebP or GIF image.';
  if (file.size > MAX_IMAGE_BYTES) return `That image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`;
  return undefined;
}

/** Uploads an image file as the raw body; the server checks its real type and size again. */
export function uploadImage(file: File): Promise<Schema<'StoredImage'>> {
  return unwrap(
    client.POST('/api/uploads', {
      body: file,
      bodySerializer: (body) => body as File,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}
