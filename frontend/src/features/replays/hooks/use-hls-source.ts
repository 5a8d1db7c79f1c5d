import { useCallback, type RefCallback } from 'react';

const HLS = 'application/vnd.apple.mpegurl';

/**
 * A ref for the video element that plays a replay's media: an MP4, or an HLS playlist — natively where the browser
 * plays HLS (Safari, iOS), otherwise through hls.js over Media Source Extensions, loaded only when a replay needs it.
 */
export function useHlsSource(url: string, type: string): RefCallback<HTMLVideoElement> {
  return useCallback(
    (video: HTMLVideoElement | null) => {
      if (!video) return;
      if (type !== HLS || video.canPlayType(HLS)) {
        video.src = url;
        return () => video.removeAttribute('src');
      }
      let player: { destroy(): void } | undefined;
      let detached = false;
      void import('hls.js').then(({ default: Hls }) => {
        if (detached) return;
        if (!Hls.isSupported()) {
          video.src = url;
          return;
        }
        const hls = new Hls();
        hls.loadSource(url);
        hls.attachMedia(video);
        player = hls;
      });
      return () => {
        detached = true;
        player?.destroy();
      };
    },
    [url, type],
  );
}
