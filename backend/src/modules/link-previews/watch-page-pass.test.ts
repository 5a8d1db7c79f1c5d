import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { TokenVerifier } from 'livekit-server-sdk';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { createTestUser, signedInAgent, testClientIp } from '../../test/fixtures.ts';
import { appServingBuild } from '../../test/built-frontend.ts';
import { GUEST_PASSES_PER_MINUTE } from '../tokens/tokens.service.ts';

// A built app shell as Vite writes it: the app's module script in the head, and the manifest naming the watch boot.
const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <title>Streamhouse</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

let app: Express;
let remove: () => void;
beforeAll(async () => {
  ({ app, remove } = await appServingBuild({
    'index.html': SHELL,
    '.vite/manifest.json': JSON.stringify({ 'src/app/watch-boot.ts': { file: 'assets/watch-boot-xyz.js', isEntry: true } }),
  }));
});
afterAll(() => remove());

const verifier = new TokenVerifier(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);

type Pass = { username: string; stream: Record<string, unknown>; token: { token: string; identity: string; wsUrl: string } };

/** The pass a served page carries, parsed the way the page's script reads it (the element's text as JSON). */
function passIn(html: string): Pass | undefined {
  const match = /<script type="application\/json" id="watch-page-pass">(.*?)<\/script>/s.exec(html);
  return match ? (JSON.parse(match[1]!) as Pass) : undefined;
}

/** A browser opening the page: a navigation, from its own network. */
const open = (target: string, ip = testClientIp()) =>
  request(app).get(target).set('Sec-Fetch-Mode', 'navigate').set('X-Forwarded-For', ip);

describe('the watch page carries its visitor’s pass', () => {
  it('a guest opening the page gets the channel as the API shows it and a watch-only token, ahead of the app script', async () => {
    const host = await createTestUser('host');
    const response = await open(`/${host.displayUsername}/live`);
    expect(response.status).toBe(200);
    // The visitor's own page: no cache may keep it or hand it to someone else.
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.vary).toMatch(/cookie/i);

    const pass = passIn(response.text)!;
    const api = await request(app).get(`/api/viewer/stream/${host.displayUsername}`);
    expect(pass.stream).toEqual(api.body);
    expect(pass.token.identity).toMatch(/^guest-/);
    expect(pass.token.wsUrl).toBe(env.LIVEKIT_URL);
    const claims = await verifier.verify(pass.token.token);
    expect(claims.sub).toBe(pass.token.identity);
    expect(claims.video).toMatchObject({
      room: host.id,
      roomJoin: true,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
    });
    // A page load is a visit from outside the app.
    expect(JSON.parse(claims.metadata!)).toEqual({ role: 'guest', source: 'DIRECT' });

    // The pass, then the boot that connects with it, both before the app's own script.
    const order = ['id="watch-page-pass"', 'src="/assets/watch-boot-xyz.js"', 'src="/assets/index-abc.js"'].map((text) =>
      response.text.indexOf(text),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('a signed-in viewer’s pass is theirs; a viewer the creator blocked gets none (the page then shows why)', async () => {
    const host = await createTestUser('host');
    const { agent, user } = await signedInAgent(app, 'fan');
    const page = await agent.get(`/${host.displayUsername}/live`).set('Sec-Fetch-Mode', 'navigate');
    const pass = passIn(page.text)!;
    expect(pass.token.identity).toBe(user.id);
    expect(pass.stream.isOwner).toBe(false);

    const blocker = await createTestUser('blocker');
    await prisma.block.create({ data: { blockerId: blocker.id, blockedId: user.id } });
    const blocked = await agent.get(`/${blocker.displayUsername}/live`).set('Sec-Fetch-Mode', 'navigate');
    expect(blocked.status).toBe(200);
    expect(passIn(blocked.text)).toBeUndefined();
    expect(blocked.text).not.toContain('watch-boot');
  });

  it('crawlers and scripts (no navigation) get the link preview without a pass, and spend no guest pass', async () => {
    const host = await createTestUser('host');
    const ip = testClientIp();
    for (let load = 0; load < GUEST_PASSES_PER_MINUTE + 5; load++) {
      const response = await request(app).get(`/${host.displayUsername}/live`).set('X-Forwarded-For', ip);
      expect(passIn(response.text)).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    expect((await open(`/${host.displayUsername}/live`, ip).then((page) => passIn(page.text)))?.token.identity).toMatch(
      /^guest-/,
    );
  });

  it('page loads count against the network’s guest passes like token requests: past the limit, no pass', async () => {
    const host = await createTestUser('host');
    const ip = testClientIp();
    for (let load = 0; load < GUEST_PASSES_PER_MINUTE; load++)
      expect(passIn((await open(`/${host.displayUsername}/live`, ip)).text), `load ${load + 1}`).toBeDefined();
    expect(passIn((await open(`/${host.displayUsername}/live`, ip)).text)).toBeUndefined();
    const token = await request(app)
      .post('/api/viewer/token')
      .set('X-Forwarded-For', ip)
      .send({ username: host.displayUsername });
    expect(token.status).toBe(429);
  });

  it('a title that tries to end the data block stays data', async () => {
    const host = await createTestUser('host');
    const title = '</script><script>alert(1)</script> <!-- &';
    await prisma.stream.upsert({
      where: { userId: host.id },
      create: { userId: host.id, title },
      update: { title },
    });
    const response = await open(`/${host.displayUsername}/live`);
    expect(response.text).not.toContain('<script>alert(1)');
    expect(passIn(response.text)!.stream.title).toBe(title);
  });

  it('an unknown channel: the page, no pass', async () => {
    const response = await open('/nobody_by_this_name/live');
    expect(response.status).toBe(200);
    expect(passIn(response.text)).toBeUndefined();
  });
});
