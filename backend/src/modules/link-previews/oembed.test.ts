import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser } from '../../test/fixtures.ts';

const app = createApp();
const site = (path: string) => new URL(path, env.PUBLIC_URL).toString();
const oEmbed = (query: Record<string, string>) => request(app).get('/api/oembed').query(query);

describe('oEmbed for channel links', () => {
  it("answers a watch-page or embed-page link with an iframe of the channel's player", async () => {
    const creator = await createTestUser('embedded');
    for (const url of [site(`/${creator.displayUsername}/live`), site(`/embed/${creator.displayUsername}`)]) {
      const response = await oEmbed({ url, format: 'json' }).expect(200);
      expect(response.body).toMatchObject({
        version: '1.0',
        type: 'video',
        provider_name: 'Streamhouse',
        author_name: creator.name,
        author_url: site(`/${creator.displayUsername}`),
        width: 640,
        height: 360,
      });
      expect(response.body.html).toContain(`src="${site(`/embed/${creator.displayUsername}`)}"`);
      expect(response.body.html).toMatch(/^<iframe [^>]*allowfullscreen><\/iframe>$/);
      // Offline, without a live picture: no thumbnail whose size would be a guess.
      expect(response.body.thumbnail_url).toBeUndefined();
    }
  });

  it("keeps 16:9 within the consumer's maxwidth and maxheight", async () => {
    const creator = await createTestUser('embedded');
    const url = site(`/${creator.displayUsername}/live`);
    expect((await oEmbed({ url, maxwidth: '320' }).expect(200)).body).toMatchObject({ width: 320, height: 180 });
    expect((await oEmbed({ url, maxheight: '90' }).expect(200)).body).toMatchObject({ width: 160, height: 90 });
    expect((await oEmbed({ url, maxwidth: '4000' }).expect(200)).body).toMatchObject({ width: 640, height: 360 });
  });

  it('refuses links that are not a channel of this site (404) and malformed asks (400), as JSON', async () => {
    const creator = await createTestUser('embedded');
    for (const url of [
      site('/nobody_by_this_name/live'),
      `https://elsewhere.example/${creator.displayUsername}/live`,
      site(`/${creator.displayUsername}`),
      site('/dashboard/stream'),
      site('/%E0%A4%A/live'),
    ]) {
      const response = await oEmbed({ url }).expect(404);
      expect(response.body.code, url).toBe('NOT_FOUND');
    }
    const malformed: Array<Record<string, string>> = [
      { url: 'not a url' },
      { url: site('/x/live'), format: 'xml' },
      { url: site('/x/live'), maxwidth: '-1' },
    ];
    for (const query of malformed) {
      const response = await oEmbed(query).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('escapes what a creator typed inside the iframe markup', async () => {
    const creator = await createTestUser('embedded');
    await prisma.user.update({ where: { id: creator.id }, data: { name: '"><script>alert(1)</script>' } });
    const { body } = await oEmbed({ url: site(`/${creator.displayUsername}/live`) }).expect(200);
    expect(body.html).not.toContain('<script>');
    expect(body.html).toContain('title="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62; on Streamhouse"');
  });
});
