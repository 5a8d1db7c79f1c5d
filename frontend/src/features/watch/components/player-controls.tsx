import { FullscreenIcon, MutedIcon, TheatreIcon, VolumeIcon } from '@/components/icons.tsx';
import { usePlayerPreferences } from '../stores/player-preferences-store.ts';

type PlayerControlsProps = {
  muted: boolean;
  onToggleMute: () => void;
  onToggleFullscreen: () => void;
  quality: string | undefined;
  connectionQuality: string;
  /** Whether this stream can be watched over HLS (data saver). */
  dataSaverAvailable: boolean;
};

const iconButton = 'rounded-md p-2 text-white/90 hover:bg-white/15 hover:text-white focus-visible:bg-white/15';

/** The bar over the video: sound, volume, quality, theatre mode and fullscreen. */
export function PlayerControls({
  muted,
  onToggleMute,
  onToggleFullscreen,
  quality,
  connectionQuality,
  dataSaverAvailable,
}: PlayerControlsProps) {
  const { volume, setVolume, theatre, toggleTheatre, dataSaver, toggleDataSaver } = usePlayerPreferences();
  return (
    <div className="absolute inset-x-0 bottom-0 flex items-center gap-1 bg-gradient-to-t from-black/80 to-transparent px-2 pb-2 pt-8 opacity-100 transition-opacity sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100">
      <button type="button" className={iconButton} onClick={onToggleMute} aria-label={muted ? 'Unmute' : 'Mute'}>
        {muted ? <MutedIcon /> : <VolumeIcon />}
      </button>
      <label className="hidden items-center sm:flex">
        <span className="sr-only">Volume</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={muted ? 0 : volume}
          onChange={(event) => {
            setVolume(Number(event.target.value));
            if (muted && Number(event.target.value) > 0) onToggleMute();
          }}
          className="h-1 w-24 accent-accent-500"
        />
      </label>
      <div className="flex-1" />
      {quality && (
        <span
          className="rounded bg-white/15 px-1.5 py-0.5 text-xs font-semibold text-white"
          title={`Connection: ${connectionQuality}`}
          data-testid="quality"
        >
          {quality}
        </span>
      )}
      {dataSaverAvailable && (
        <button
          type="button"
          className={`${iconButton} text-xs font-semibold ${dataSaver ? 'bg-white/20 text-white' : ''}`}
          onClick={toggleDataSaver}
          aria-pressed={dataSaver}
          title="Watch a few seconds behind, using far less data"
        >
          Data saver
        </button>
      )}
      <button
        type="button"
        className={`${iconButton} hidden lg:block`}
        onClick={toggleTheatre}
        aria-pressed={theatre}
        aria-label="Theatre mode"
      >
        <TheatreIcon />
      </button>
      <button type="button" className={iconButton} onClick={onToggleFullscreen} aria-label="Fullscreen">
        <FullscreenIcon />
      </button>
    </div>
  );
}
