import type { ReactNode } from 'react';
import { OBS_SETTINGS } from '@streamhouse/contract';
import type { IngressType } from '../api/stream-keys-api.ts';

function Setting({ name, children }: { name: string; children: ReactNode }) {
  return (
    <li className="flex flex-col gap-0.5 sm:flex-row sm:gap-2">
      <span className="shrink-0 font-medium text-zinc-200 sm:w-44">{name}</span>
      <span className="text-zinc-400">{children}</span>
    </li>
  );
}

const RTMP_STEPS: ReactNode[] = [
  <>
    In OBS, open <strong>Settings → Stream</strong>.
  </>,
  <>
    Set <strong>Service</strong> to <strong>Custom…</strong>
  </>,
  <>
    Paste the <strong>Server URL</strong> above into <strong>Server</strong>.
  </>,
  <>
    Paste your <strong>stream key</strong> into <strong>Stream Key</strong>, then click <strong>Apply</strong>.
  </>,
  <>
    Check the output settings below, then click <strong>Start Streaming</strong>. This dashboard turns live within a few seconds.
  </>,
];

const WHIP_STEPS: ReactNode[] = [
  <>
    You need <strong>OBS 30 or newer</strong>. Open <strong>Settings → Stream</strong>.
  </>,
  <>
    Set <strong>Service</strong> to <strong>WHIP</strong>.
  </>,
  <>
    Paste the <strong>Server URL</strong> above into <strong>Server</strong>.
  </>,
  <>
    Paste your <strong>stream key</strong> into <strong>Bearer Token</strong>, then click <strong>Apply</strong>.
  </>,
  <>
    Check the output settings below, then click <strong>Start Streaming</strong>. This dashboard turns live within a few seconds.
  </>,
];

/** Step by step, for the key's protocol, with the encoder settings that work well. */
export function ObsSteps({ type }: { type: IngressType }) {
  const steps = type === 'RTMP' ? RTMP_STEPS : WHIP_STEPS;
  return (
    <section
      aria-labelledby="obs-steps-title"
      className="flex flex-col gap-4 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 sm:p-5"
    >
      <h2 id="obs-steps-title" className="font-semibold">
        Set up OBS ({type})
      </h2>
      <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm text-zinc-300 marker:text-zinc-400">
        {steps.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold text-zinc-200">Settings → Output (Output Mode: Advanced)</h3>
        <ul className="flex flex-col gap-1.5 text-sm">
          {OBS_SETTINGS[type].output.map((setting) => (
            <Setting key={setting.name} name={setting.name}>
              {setting.value}
            </Setting>
          ))}
        </ul>
      </div>
    </section>
  );
}
