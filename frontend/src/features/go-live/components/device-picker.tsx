import { useId } from 'react';

type DevicePickerProps = {
  label: string;
  devices: MediaDeviceInfo[];
  value: string | undefined;
  disabled?: boolean;
  onChange: (deviceId: string) => void;
};

/** A labelled <select> of cameras or microphones. */
export function DevicePicker({ label, devices, value, disabled, onChange }: DevicePickerProps) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-300">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled || devices.length === 0}
        onChange={(event) => onChange(event.target.value)}
        className="w-full truncate rounded-lg border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 focus:outline-none focus:ring-2 focus:ring-accent-500 disabled:text-zinc-400"
      >
        {devices.length === 0 && <option value="">None available</option>}
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || `${label} ${index + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}
