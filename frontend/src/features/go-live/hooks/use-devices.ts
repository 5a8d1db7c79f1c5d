import { useEffect, useState } from 'react';

/**
 * Cameras or microphones the browser offers. Labels are only given once the user allowed a device, so the
 * list is read when `allowed` turns true, and again whenever a device is plugged in or out.
 */
export function useDevices(kind: 'videoinput' | 'audioinput', allowed: boolean): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  // The device list is external state that changes by itself (devicechange): a subscription.
  useEffect(() => {
    if (!allowed || !navigator.mediaDevices) return;
    let active = true;
    const read = () =>
      navigator.mediaDevices
        .enumerateDevices()
        .then((all) => active && setDevices(all.filter((device) => device.kind === kind && device.deviceId)))
        .catch(() => undefined);
    void read();
    navigator.mediaDevices.addEventListener('devicechange', read);
    return () => {
      active = false;
      navigator.mediaDevices.removeEventListener('devicechange', read);
    };
  }, [kind, allowed]);
  return devices;
}
