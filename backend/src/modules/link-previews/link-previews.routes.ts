import fs from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import { parse } from '../../http/validate.ts';
import { channelParams } from '../recordings/recordings.schemas.ts';
import { escapeHtml } from './escape-html.ts';
import { livePagePreview, type LinkPreview } from './link-previews.service.ts';

type PreviewTags = Pick<LinkPreview, 'title' | 'description' | 'image' | 'url' | 'oEmbedUrl'>;

function metaTags(preview: PreviewTags): string {
  const tags: Array<[string, string]> = [
    ['og:type', 'video.other'],
    ['og:site_name', 'Streamhouse'],
    ['og:title', preview.title],
    ['og:description', preview.description],
    ['og:url', preview.url],
    ...(preview.image ? ([['og:image', preview.image]] as Array<[string, string]>) : []),
  ];
  const og = tags.map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content)}" />`);
  const card = `<meta name="twitter:card" content="${preview.image ? 'summary_large_image' : 'summary'}" />`;
  // oEmbed discovery: sites that embed links (blogs, CMSes) find the player here.
  const oEmbed = `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(preview.oEmbedUrl)}" title="${escapeHtml(preview.title)}" />`;
  return [...og, card, oEmbed].join('\n    ');
}

/**
 * The app shell with the preview's tags before `</head>`. Inserted by a function, not a replacement string: a
 * title with `$&` or `` $` `` in it must stay text (a string replacement would expand those patterns).
 */
export function withPreviewTags(html: string, preview: PreviewTags): string {
  return html.replace('</head>', () => `    ${metaTags(preview)}\n  </head>`);
}

/**
 * Serves the app shell for /:username/live with Open Graph tags filled in, so a shared link shows the stream
 * (crawlers do not run the app). Mounted only where the backend serves the built frontend.
 */
export function linkPreviewsRouter(staticDir: string): Router {
  const router = Router();
  let shell: Promise<string> | undefined;
  router.get('/:username/live', async (req, res) => {
    const { username } = parse(channelParams, req.params);
    shell ??= fs.readFile(path.join(staticDir, 'index.html'), 'utf8');
    const [html, preview] = await Promise.all([shell, livePagePreview(username)]);
    const page = preview ? withPreviewTags(html, preview) : html;
    // The picture's version changes every few seconds; crawlers should not keep an old page.
    res.set('Cache-Control', 'no-cache').type('html').send(page);
  });
  return router;
}
