const SIZES = {
  sm: 'size-8 text-sm',
  md: 'size-10 text-base',
  lg: 'size-16 text-2xl',
  xl: 'size-24 text-4xl sm:size-28',
} as const;

/** A user's picture, or their initial on a colour derived from the name. */
export function Avatar({ url, name, size = 'md' }: { url?: string | null; name: string; size?: keyof typeof SIZES }) {
  if (url) return <img src={url} alt="" className={`${SIZES[size]} shrink-0 rounded-full object-cover ring-2 ring-zinc-800`} />;
  const hue = [...name].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  return (
    <span
      aria-hidden="true"
      className={`${SIZES[size]} inline-flex shrink-0 items-center justify-center rounded-full font-bold uppercase text-white ring-2 ring-zinc-800`}
      style={{ backgroundColor: `hsl(${hue} 55% 40%)` }}
    >
      {name.charAt(0)}
    </span>
  );
}
