/**
 * The images a snapshot manifest lists. The egress rewrites the manifest after every picture, so a reader can
 * meet it half-written: that counts as no picture yet, not as an error.
 */
export function snapshotImages(manifest: string): Array<{ name: string }> {
  try {
    const images = (JSON.parse(manifest) as { images?: unknown }).images;
    const isFileName = (image: unknown): image is { name: string } =>
      typeof (image as { name?: unknown })?.name === 'string' && /^\w[\w.-]*$/.test((image as { name: string }).name);
    return Array.isArray(images) ? images.filter(isFileName) : [];
  } catch {
    return [];
  }
}
