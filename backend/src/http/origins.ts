/** localhost and 127.0.0.1 are the same machine to a person, different origins to a browser. */
export function originsFor(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const twin = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : undefined;
  return twin ? [url.origin, url.origin.replace(url.hostname, twin)] : [url.origin];
}
