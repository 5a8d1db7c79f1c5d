import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('configuration', () => {
  it('fails fast with a message naming each bad variable', () => {
    const attempt = () => parseEnv({ DATABASE_URL: 'mysql://x', PORT: 'eighty' });
    expect(attempt).toThrowError(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(attempt).toThrowError(/PORT: /);
  });

  it('says how to get a database when DATABASE_URL is missing', () => {
    expect(() => parseEnv({})).toThrowError(/DATABASE_URL: is required \(run `pnpm dev`/);
  });

  it('derives the HTTP API URL from a wss:// LiveKit URL', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://localhost/db', LIVEKIT_URL: 'wss://demo.livekit.cloud' });
    expect(env.LIVEKIT_API_URL).toBe('https://demo.livekit.cloud');
  });

  it('reads where recordings go: a local folder by default, S3 only with credentials', () => {
    const db = { DATABASE_URL: 'postgresql://localhost/db' };
    const local = parseEnv({ ...db, RECORDINGS_DIR: 'data/recordings' });
    expect(local).toMatchObject({ RECORDINGS_ENABLED: true, RECORDINGS_SNAPSHOT_SECONDS: 30 });
    expect(local.RECORDINGS_S3_BUCKET).toBeUndefined();
    expect(local.RECORDINGS_DIR).toBe(path.resolve('data/recordings'));
    const off = parseEnv({ ...db, RECORDINGS_ENABLED: 'false', RECORDINGS_OFF_REASON: 'No egress service here.' });
    expect(off).toMatchObject({ RECORDINGS_ENABLED: false, RECORDINGS_OFF_REASON: 'No egress service here.' });
    expect(() => parseEnv({ ...db, RECORDINGS_S3_BUCKET: 'replays' })).toThrowError(/RECORDINGS_S3_ACCESS_KEY_ID/);
    const s3 = { RECORDINGS_S3_BUCKET: 'replays', RECORDINGS_S3_ACCESS_KEY_ID: 'id', RECORDINGS_S3_SECRET_ACCESS_KEY: 'key' };
    expect(
      parseEnv({ ...db, ...s3, RECORDINGS_S3_ENDPOINT: 'http://127.0.0.1:9000', RECORDINGS_S3_FORCE_PATH_STYLE: 'true' }),
    ).toMatchObject({
      RECORDINGS_S3_FORCE_PATH_STYLE: true,
      RECORDINGS_S3_REGION: 'us-east-1',
    });
    expect(() => parseEnv({ ...db, RECORDINGS_SNAPSHOT_SECONDS: '1' })).toThrowError(/RECORDINGS_SNAPSHOT_SECONDS/);
  });

  it('reads the go-live gate and the trusted proxy setting', () => {
    const base = { DATABASE_URL: 'postgresql://localhost/db' };
    expect(parseEnv(base)).toMatchObject({
      MIN_FOLLOWERS_TO_STREAM: 0,
      REQUIRE_CREATOR_APPROVAL: false,
      TRUST_PROXY: 'loopback',
    });
    expect(
      parseEnv({ ...base, MIN_FOLLOWERS_TO_STREAM: '10', REQUIRE_CREATOR_APPROVAL: 'true', TRUST_PROXY: '1' }),
    ).toMatchObject({
      MIN_FOLLOWERS_TO_STREAM: 10,
      REQUIRE_CREATOR_APPROVAL: true,
      TRUST_PROXY: 1,
    });
    expect(() => parseEnv({ ...base, REQUIRE_CREATOR_APPROVAL: 'yes' })).toThrowError(
      /REQUIRE_CREATOR_APPROVAL: must be true or false/,
    );
    expect(() => parseEnv({ ...base, MIN_FOLLOWERS_TO_STREAM: '-1' })).toThrowError(/MIN_FOLLOWERS_TO_STREAM/);
  });

  it('refuses ADMIN_USERNAMES, which let whoever signed up first with a listed name become an admin', () => {
    const base = { DATABASE_URL: 'postgresql://localhost/db' };
    expect(() => parseEnv({ ...base, ADMIN_USERNAMES: 'alice' })).toThrowError(/ADMIN_USERNAMES: .*pnpm admin:grant/);
  });

  it('requires a real AUTH_SECRET in production', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://localhost/db', NODE_ENV: 'production' })).toThrowError(/AUTH_SECRET/);
  });

  describe('refuses to start in production with secrets anyone could know', () => {
    const strong = 'k3P9vXq2LmN8rT5wY7zA1bC4dE6fG0hJ-strong';
    const production = {
      DATABASE_URL: 'postgresql://localhost/db',
      NODE_ENV: 'production',
      AUTH_SECRET: strong,
      LIVEKIT_API_SECRET: strong,
      PUBLIC_URL: 'https://streams.example',
      LIVEKIT_URL: 'wss://livekit.streams.example',
      TRUST_PROXY: '10.0.0.0/8',
      SMTP_URL: 'smtp://mailer:secret@smtp.streams.example:587',
    };

    it('starts with long secrets of its own', () => {
      expect(() => parseEnv(production)).not.toThrow();
    });

    it.each([
      [
        'the LiveKit secret left at its default',
        { LIVEKIT_API_SECRET: undefined },
        /LIVEKIT_API_SECRET: is required in production/,
      ],
      [
        "livekit.yaml's published dev secret",
        { LIVEKIT_API_SECRET: 'devsecret-change-me-in-production-0123' },
        /LIVEKIT_API_SECRET: is a published example value/,
      ],
      [
        'a short LiveKit secret',
        { LIVEKIT_API_SECRET: 'short-secret-123' },
        /LIVEKIT_API_SECRET: must be at least 32 characters/,
      ],
      ['a plain-HTTP site address', { PUBLIC_URL: 'http://localhost:4000' }, /PUBLIC_URL: must be an https:\/\/ address/],
      ['a ws:// LiveKit address', { LIVEKIT_URL: 'ws://127.0.0.1:7880' }, /LIVEKIT_URL: must be a wss:\/\/ address/],
      ['no TRUST_PROXY', { TRUST_PROXY: undefined }, /TRUST_PROXY: is required in production/],
      ['a TRUST_PROXY that trusts everyone', { TRUST_PROXY: 'true' }, /TRUST_PROXY: `true` trusts X-Forwarded-For from anyone/],
      [
        "docker-compose's example auth secret",
        { AUTH_SECRET: 'change-me-to-32-or-more-random-characters' },
        /AUTH_SECRET: is a published example value/,
      ],
    ])('refuses %s', (_label, override, message) => {
      expect(() => parseEnv({ ...production, ...override })).toThrowError(message);
    });
  });
});
