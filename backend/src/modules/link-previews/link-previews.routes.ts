import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import { parse } from '../../http/validate.ts';
import { channelParams } from '../recordings/recordings.schemas.ts';
import { escapeHtml } from './escape-html.ts';
import { livePagePreview, type LinkPreview } from './link-previews.service.ts';
import { passDataBlock, watchPagePassFor } from './watch-page-pass.service.ts';
import { sessionUserOf } from '../auth/auth.service.ts';
import { clientNetworkOf } from '../../lib/client-network.ts';

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

/** Inserts `block` before `</head>` (by a function: `$`-patterns in it stay text). */
function beforeHeadEnd(html: string, block: string): string {
  return html.replace('</head>', () => `    ${block}\n  </head>`);
}

/**
 * The app shell with the preview's tags before `</head>`. Inserted by a function, not a replacement string: a
 * title with `$&` or `` $` `` in it must stay text (a string replacement would expand those patterns).
 */
export function withPreviewTags(html: string, preview: PreviewTags): string {
  // The channel's description replaces the site's own for search results.
  const described = html.replace(
    /<meta name="description" content="[^"]*" \/>/,
    () => `<meta name="description" content="${escapeHtml(preview.description)}" />`,
  );
  return beforeHeadEnd(described, metaTags(preview));
}

/**
 * The watch boot's script tag (frontend/src/app/watch-boot.ts), its file named by the build's manifest; none for a
 * build without it (the page then connects from the app's own script, a little later).
 */
function watchBootScript(staticDir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(staticDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file?: string } | undefined
    >;
    const file = manifest['src/app/watch-boot.ts']?.file;
    return file ? `\n    <script type="module" crossorigin src="/${escapeHtml(file)}"></script>` : '';
  } catch {
    return '';
  }
}

/**
 * Serves the app shell for /:username/live with Open Graph tags filled in, so a shared link shows the stream
 * (crawlers do not run the app). A browser opening the page (a navigation, by its Sec-Fetch-Mode) also gets the
 * channel and its viewer pass in the page, so the room connects without waiting for requests of its own; crawlers
 * and scripts get no pass, and so spend none of the network's guest passes. Mounted only where the backend serves
 * the built frontend.
 */
export function linkPreviewsRouter(staticDir: string): Router {
  const router = Router();
  let shell: Promise<string> | undefined;
  const bootScript = watchBootScript(staticDir);
  router.get('/:username/live', async (req, res) => {
    const { username } = parse(channelParams, req.params);
    shell ??= fs.readFile(path.join(staticDir, 'index.html'), 'utf8');
    const navigation = req.get('sec-fetch-mode') === 'navigate';
    const [html, preview, pass] = await Promise.all([
      shell,
      livePagePreview(username),
      navigation
        ? sessionUserOf(req.headers).then((viewer) => watchPagePassFor({ username, viewer, network: clientNetworkOf(req.ip) }))
        : undefined,
    ]);
    let page = preview ? withPreviewTags(html, preview) : html;
    // First in the head: the pass, then the boot that connects with it, ahead of the app's script.
    if (pass) page = page.replace('<head>', () => `<head>\n    ${passDataBlock(pass)}${bootScript}`);
    // A page with a pass is this visitor's alone: no cache may keep it. Without one, the picture's version changes
    // every few seconds; crawlers should not keep an old page.
    res
      .set('Cache-Control', pass ? 'no-store' : 'no-cache')
      .vary('Cookie')
      .type('html')
      .send(page);
  });
  return router;
}
