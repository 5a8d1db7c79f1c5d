import { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageType } from '@streamhouse/contract';
import { client, unwrap, type Schema } from './api-client.ts';

/** For a file input's `accept`: the types the server takes. */
export const ACCEPTED_IMAGE_TYPES = IMAGE_TYPES.join(',');

/** "PNG, JPEG, WebP or GIF, up to 2 MB": the rule in words, for hints and errors. */
const typeNames = IMAGE_TYPES.map(
  (type) => ({ png: 'PNG', jpeg: 'JPEG', webp: 'WebP', gif: 'GIF' })[type.slice('image/'.length)] ?? type,
);
export const IMAGE_TYPE_NAMES = `${typeNames.slice(0, -1).join(', ')} or ${typeNames.at(-1)}`;
export const IMAGE_RULE = `${IMAGE_TYPE_NAMES}, up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB`;

const isAcceptedType = (type: string): type is ImageType => (IMAGE_TYPES as readonly string[]).includes(type);

/** Checks a chosen file before uploading; returns a sentence for the user, or undefined when fine. */
export function checkImageFile(file: File): string | undefined {
  if (!isAcceptedType(file.type)) return `Choose a ${IMAGE_TYPE_NAMES} image.`;
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
