import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser, signedInAgent } from '../../test/fixtures.ts';

const app = createApp();

/** A live stream in a category, written straight to the table (live state is the webhook's; this is about lists). */
async function liveIn(slug: string, viewerCount: number, extra: { tags?: string[]; title?: string } = {}) {
  const user = await createTestUser('cat');
  const category = await prisma.category.findUniqueOrThrow({ where: { slug } });
  await prisma.stream.create({
    data: {
      userId: user.id,
      isLive: true,
      startedAt: new Date(),
      viewerCount,
      categoryId: category.id,
      tags: extra.tags ?? [],
      title: extra.title ?? '',
    },
  });
  return user;
}

describe('stream info: category and tags', () => {
  it('saves a seeded category and up to 5 tags (trimmed, lower-cased), reads them back, and clears them', async () => {
    const { agent } = await signedInAgent(app, 'tagger');
    const saved = await agent
      .put('/api/stream/info')
      .send({ category: 'music', tags: ['  Lo-Fi ', 'Chill', 'beats', 'study', 'late night'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      category: { slug: 'music', name: 'Music' },
      tags: ['lo-fi', 'chill', 'beats', 'study', 'late night'],
    });
    expect((await agent.get('/api/stream/info')).body).toEqual(saved.body);
    const cleared = await agent.put('/api/stream/info').send({ category: null, tags: [] });
    expect(cleared.body).toMatchObject({ category: null, tags: [] });
  });

  it.each([
    ['6 tags', { tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
    ['a tag with a control character', { tags: ['ok', 'bad\u0007'] }, 'tags.1'],
    ['a bidi override in a tag', { tags: ['\u202eevil'] }, 'tags.0'],
    ['an invisible tag', { tags: ['\u200b\u200b'] }, 'tags.0'],
    ['an empty tag', { tags: [''] }, 'tags.0'],
    ['a tag over 24 characters', { tags: ['x'.repeat(25)] }, 'tags.0'],
    ['a repeated tag (any case)', { tags: ['Chill', 'chill'] }, 'tags'],
    ['tags that are not a list', { tags: 'chill' }, 'tags'],
    ['a category that is not a slug', { category: 'Not A Slug!' }, 'category'],
    ['an unknown category', { category: 'underwater-basket-weaving' }, 'category'],
  ])('refuses %s with 400 and changes nothing', async (_case, body, path) => {
    const { agent } = await signedInAgent(app, 'badtags');
    await agent
      .put('/api/stream/info')
      .send({ category: 'gaming', tags: ['speedrun'] })
      .expect(200);
    const response = await agent.put('/api/stream/info').send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.fields.map((field: { path: string }) => field.path)).toContain(path);
    expect((await agent.get('/api/stream/info')).body).toMatchObject({ category: { slug: 'gaming' }, tags: ['speedrun'] });
  });
});

describe('browse', () => {
  it('lists the seeded categories with live counts, most live first', async () => {
    await liveIn('irl', 3);
    await liveIn('irl', 1);
    const response = await request(app).get('/api/viewer/categories').expect(200);
    const slugs = response.body.items.map((item: { slug: string }) => item.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(['just-chatting', 'gaming', 'music', 'creative', 'coding', 'sports', 'education', 'irl']),
    );
    const counts = response.body.items.map((item: { liveCount: number }) => item.liveCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const irl = response.body.items.find((item: { slug: string }) => item.slug === 'irl');
    expect(irl.liveCount).toBeGreaterThanOrEqual(2);
    expect(irl.cover).toEqual({ from: expect.stringMatching(/^#[0-9a-f]{6}$/), to: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });

  it("lists a category's live streams most watched first, with the category on each card; offline and other categories left out", async () => {
    const few = await liveIn('education', 2);
    const many = await liveIn('education', 40);
    const some = await liveIn('education', 9);
    const elsewhere = await liveIn('sports', 100);
    const offline = await createTestUser('off');
    const education = await prisma.category.findUniqueOrThrow({ where: { slug: 'education' } });
    await prisma.stream.create({ data: { userId: offline.id, isLive: false, categoryId: education.id } });

    const response = await request(app).get('/api/viewer/categories/Education').expect(200);
    expect(response.body.category).toMatchObject({ slug: 'education', name: 'Education' });
    const ids = response.body.items.map((card: { hostId: string }) => card.hostId);
    expect(ids.filter((id: string) => [few.id, many.id, some.id].includes(id))).toEqual([many.id, some.id, few.id]);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(offline.id);
    expect(response.body.items[0].category).toEqual({ slug: 'education', name: 'Education' });
    expect((await request(app).get('/api/viewer/categories/no-such-thing')).status).toBe(404);
  });

  it('search matches a whole tag, whatever the case', async () => {
    const tag = `tag${Date.now().toString(36)}`;
    const tagged = await liveIn('coding', 1, { tags: [tag, 'rust'] });
    const response = await request(app).get(`/api/viewer/search?q=${tag.toUpperCase()}`).expect(200);
    expect(response.body.items.map((card: { hostId: string }) => card.hostId)).toContain(tagged.id);
    expect(response.body.items.find((card: { hostId: string }) => card.hostId === tagged.id).tags).toEqual([tag, 'rust']);
  });
});
