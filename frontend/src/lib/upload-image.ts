import { ApiError } from './api-client.ts';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** Checks a chosen file before uploading; returns a sentence for the user, or undefined when fine. */
export function checkImageFile(file: File): string | undefined {
  if (!ACCEPTED_IMAGE_TYPES.includes(file.type)) return 'Choose a PNG, JPEG, WebP or GIF image.';
  if (file.size > MAX_IMAGE_BYTES) return 'That image is larger than 2 MB.';
  return undefined;
}

/** Uploads an image file as the raw body; the server checks its real type and size again. */
export async function uploadImage(file: File): Promise<{ id: string; url: string }> {
  const response = await fetch('/api/uploads', {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok)
    throw new ApiError(response.status, String(body.code ?? 'UPLOAD_FAILED'), String(body.message ?? 'The upload failed.'), body);
  return body as { id: string; url: string };
}
