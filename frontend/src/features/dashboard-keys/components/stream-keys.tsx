import { useState } from 'react';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { useServerState } from '@/lib/use-server-state.ts';
import { type IngressType } from '../api/stream-keys-api.ts';
import { KeyDetails } from './key-details.tsx';
import { KeyGenerator } from './key-generator.tsx';
import { ObsSteps } from './obs-steps.tsx';
import { streamCredentialsQuery } from '../api/stream-keys-queries.ts';

/** Everything about streaming from OBS: create a key, see and copy it, reset it, and how to set OBS up. */
export function StreamKeys() {
  const { state, reload, setData } = useServerState(streamCredentialsQuery());
  const [notice, setNotice] = useState('');
  const [lastType, setLastType] = useState<IngressType>('RTMP');

  if (state.status === 'loading')
    return (
      <div className="flex justify-center py-10" role="status">
        <Spinner />
        <span className="sr-only">Loading your stream key…</span>
      </div>
    );
  if (state.status === 'error')
    return (
      <StatusPanel title="Could not load your stream key">
        <Button variant="secondary" onClick={reload}>
          Try again
        </Button>
      </StatusPanel>
    );

  const { serverUrl, streamKey, type } = state.data;
  return (
    <div className="flex flex-col gap-5">
      <p aria-live="polite" className="text-sm text-emerald-400 empty:hidden">
        {notice}
      </p>
      {serverUrl && streamKey && type ? (
        <>
          <KeyDetails
            serverUrl={serverUrl}
            streamKey={streamKey}
            type={type}
            onReset={() => {
              setLastType(type);
              setData(() => ({ serverUrl: null, streamKey: null, type: null }));
              setNotice('Your old key no longer works. Generate a new one, then paste it into OBS.');
            }}
          />
          <ObsSteps type={type} />
        </>
      ) : (
        <KeyGenerator
          initialType={lastType}
          onCreated={(key) => {
            setData(() => ({ serverUrl: key.serverUrl, streamKey: key.streamKey, type: key.type }));
            setNotice('Your new key is ready. Copy it into OBS as shown below.');
          }}
        />
      )}
    </div>
  );
}
