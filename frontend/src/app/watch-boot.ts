/**
 * The backend puts this entry before the app's own script in a watch page it serves with a viewer pass
 * (modules/link-previews): module scripts run in document order, so LiveKit's client is evaluated (the import
 * below) and the room starts connecting before the app's JavaScript runs. The signalling and ICE round trips
 * then overlap the app's evaluation and React's first render instead of following them.
 */
import { Room } from 'livekit-client';
import { startRoomFromPagePass } from '@/features/watch/api/watch-page-pass.ts';

const watchPath = /^\/([^/]+)\/live\/?$/.exec(location.pathname);
if (watchPath) startRoomFromPagePass(decodeURIComponent(watchPath[1]!), Room);
