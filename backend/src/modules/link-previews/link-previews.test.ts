import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withPreviewTags } from './link-previews.routes.ts';

const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Streamhouse</title>
    <script type="module" crossorigin src="/assets/index.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

/** What the browser reads back from an attribute value the server escaped. */
const unescape = (text: string) => text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));

const contentOf = (html: string, property: string) =>
  new RegExp(`<meta property="${property}" content="([^"]*)" />`).exec(html)?.[1];

// Text a creator may type, with what a string replacement or HTML would read as syntax mixed in.
const creatorText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('$`', "$'", '$&', '$$', '$1', '</head>', '<title>', '"', "'", '<', '>', '&', '&amp;', '\n'),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  ),
  maxLength: 40,
});

describe('link preview tags in the served page', () => {
  it('keep any title and description as text: one <title>, the tags read back the text, nothing else changes', () => {
    fc.assert(
      fc.property(creatorText, creatorText, (title, description) => {
        const preview = {
          title,
          description,
          image: 'https://streams.example/x.jpg',
          url: 'https://streams.example/a/live',
          oEmbedUrl: 'https://streams.example/api/oembed?format=json&url=https%3A%2F%2Fstreams.example%2Fa%2Flive',
        };
        const page = withPreviewTags(SHELL, preview);
        expect(page.match(/<title>/g)).toHaveLength(1);
        expect(page.match(/<\/head>/g)).toHaveLength(1);
        expect(unescape(contentOf(page, 'og:title')!)).toBe(title);
        expect(unescape(contentOf(page, 'og:description')!)).toBe(description);
        // Everything but the inserted block ("    <meta …" up to "\n  " before </head>) is the shell as it was.
        const start = page.indexOf('<meta property="og:type"') - 4;
        const end = page.lastIndexOf('</head>');
        expect(page.slice(start, start + 4)).toBe('    ');
        expect(page.slice(0, start) + page.slice(end)).toBe(SHELL);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('did not copy the page head into a title containing $` (the reported case)', () => {
    const page = withPreviewTags(SHELL, {
      title: 'Price: $` off',
      description: 'x',
      image: null,
      url: 'https://s/a/live',
      oEmbedUrl: 'https://s/api/oembed',
    });
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(unescape(contentOf(page, 'og:title')!)).toBe('Price: $` off');
  });

  it('puts the channel description in place of the site’s own meta description', () => {
    const shell = SHELL.replace('<title>', '<meta name="description" content="The site." />\n    <title>');
    const page = withPreviewTags(shell, {
      title: 't',
      description: 'Cooking "live" & <answers>',
      image: null,
      url: 'https://s/a/live',
      oEmbedUrl: 'https://s/api/oembed',
    });
    expect(page.match(/<meta name="description"/g)).toHaveLength(1);
    expect(page).toContain('<meta name="description" content="Cooking &#34;live&#34; &#38; &#60;answers&#62;" />');
  });
});
