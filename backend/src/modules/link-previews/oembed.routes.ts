import { apiRouter, ok } from '../../http/api-router.ts';
import { oEmbedQuery, oEmbedVideo } from './oembed.schemas.ts';
import { oEmbedFor } from './link-previews.service.ts';

/** /api/oembed: how a link to a channel embeds on other sites (blogs, chat apps, CMSes). */
export const oEmbedApi = apiRouter('/api/oembed', {
  tag: 'Embeds',
  description: 'oEmbed for channel links: the embeddable player as an iframe.',
});

oEmbedApi.get('/', {
  summary: "A channel link's embed (oEmbed, JSON)",
  description:
    'For `url` = a channel\'s watch page (`/:username/live`) or embed page (`/embed/:username`) on this site: an oEmbed `video` whose `html` is an iframe of `/embed/:username`, 16:9 within `maxwidth` × `maxheight` (640 × 360 by default). Public data only, the same for everyone. The watch page names this with `<link rel="alternate" type="application/json+oembed">`.',
  query: oEmbedQuery,
  responses: { 200: oEmbedVideo },
  errors: { 404: 'The URL is not a channel of this site, or there is no creator by that name.' },
  handler: async ({ query }) => ok(await oEmbedFor(query.url, { maxWidth: query.maxwidth, maxHeight: query.maxheight })),
});
