import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/button.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { createStreamKey, type IngressType, type RtmpQuality, type StreamKey } from '../api/stream-keys-api.ts';
import { DelayBadge } from './ingest-delay.tsx';

const PROTOCOLS: Array<{ type: IngressType; title: string; description: string }> = [
  {
    type: 'RTMP',
    title: 'RTMP',
    description:
      'Works with every version of OBS and most streaming software. Re-encoded into several qualities, so viewers on weak connections still get a picture.',
  },
  {
    type: 'WHIP',
    title: 'WHIP',
    description:
      'OBS 30 or newer. Recommended when the lowest delay matters: your video reaches viewers as you send it, without re-encoding.',
  },
];

const QUALITIES: Array<{ value: RtmpQuality; label: string }> = [
  { value: '540p', label: '540p, 25 fps (2 layers): for slow uploads' },
  { value: '720p', label: '720p, 30 fps (3 layers): recommended' },
  { value: '1080p', label: '1080p, 30 fps (3 layers): needs 6 Mbps upload' },
];

/** Choose RTMP or WHIP (and, for RTMP, the quality ladder), then create the key. */
export function KeyGenerator({ initialType, onCreated }: { initialType: IngressType; onCreated: (key: StreamKey) => void }) {
  const qualityId = useId();
  const [type, setType] = useState<IngressType>(initialType);
  const [quality, setQuality] = useState<RtmpQuality>('720p');
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string>();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setCreating(true);
    setError(undefined);
    try {
      onCreated(await createStreamKey(type === 'RTMP' ? { type, quality } : { type }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not create the key. Please try again.');
    } finally {
      setCreating(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-5 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 sm:p-5">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium text-zinc-300">Protocol</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {PROTOCOLS.map((protocol) => (
            <label
              key={protocol.type}
              className={`flex cursor-pointer items-start gap-3 rounded-lg border p-3 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-400 ${
                type === protocol.type ? 'border-accent-500 bg-accent-600/10' : 'border-zinc-800 hover:border-zinc-700'
              }`}
            >
              <input
                type="radio"
                name="protocol"
                value={protocol.type}
                checked={type === protocol.type}
                onChange={() => setType(protocol.type)}
                className="mt-1 accent-accent-500"
              />
              <span className="flex flex-col gap-1">
                <span className="font-semibold text-zinc-100">{protocol.title}</span>
                <span className="text-sm text-zinc-400">{protocol.description}</span>
                <DelayBadge type={protocol.type} />
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {type === 'RTMP' && (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={qualityId} className="text-sm font-medium text-zinc-300">
            Quality viewers can get
          </label>
          <select
            id={qualityId}
            value={quality}
            onChange={(event) => setQuality(event.target.value as RtmpQuality)}
            className="rounded-lg border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 focus:outline-none focus:ring-2 focus:ring-accent-500 sm:max-w-md"
          >
            {QUALITIES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <p className="text-xs text-zinc-400">
            Each layer is a smaller copy for viewers on slower connections; none is larger than what you send.
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
          {error}
        </p>
      )}
      <div>
        <Button type="submit" loading={creating}>
          Generate stream key
        </Button>
      </div>
    </form>
  );
}
