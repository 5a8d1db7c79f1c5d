import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { getPublicStream } from '../discovery/discovery.service.ts';
import { publicStream } from '../discovery/discovery.schemas.ts';
import { mintViewerToken } from '../tokens/tokens.service.ts';
import { roomToken } from '../tokens/tokens.schemas.ts';

/** What a served watch page carries for its visitor: the channel as the page shows it and a pass to its room. */
export const watchPagePass = z.strictObject({ username: z.string(), stream: publicStream, token: roomToken });
export type WatchPagePass = z.infer<typeof watchPagePass>;

/**
 * The channel and a viewer token for a visitor opening `/:username/live`, minted exactly as `POST /api/viewer/token`
 * mints them (the same guest-pass limit per network, blocks and bans), so the page connects without a request of
 * its own. Undefined when the API would refuse (no such creator, blocked, too many passes): the page then asks the
 * API itself and shows the reason.
 */
export async function watchPagePassFor(input: {
  username: string;
  viewer?: SessionUser;
  /** The keyed hash of the client's network (lib/client-network.ts). */
  network: string;
}): Promise<WatchPagePass | undefined> {
  try {
    const stream = await getPublicStream(input.username, input.viewer?.id);
    // A page load is a visit from outside the app: the analytics source a fresh load reports (viewerSourceOf).
    const { roomName: _room, ...token } = await mintViewerToken({
      host: { hostId: stream.hostId },
      viewer: input.viewer,
      network: input.network,
      source: 'DIRECT',
    });
    return watchPagePass.parse({ username: input.username, stream, token });
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

/**
 * The pass as an inline JSON data block. A data block is never executed (so the script-src policy does not apply
 * to it); `<` is escaped so no text in it (a title with `</script>`) can end the element.
 */
export function passDataBlock(pass: WatchPagePass): string {
  const json = JSON.stringify(pass).replace(/</g, '\\u003c');
  return `<script type="application/json" id="watch-page-pass">${json}</script>`;
}
