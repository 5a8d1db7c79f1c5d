import fs from 'node:fs/promises';
import path from 'node:path';
import type { Response } from 'express';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { env } from '../../config/env.ts';
import { AppError, notFound } from '../../http/errors.ts';

/**
 * Where recordings and snapshots live. The egress writes them (to a path or a bucket the backend names);
 * the backend reads manifests, serves files and deletes them. Keys are built from ids, never from input.
 */
export type RecordingStorage = {
  kind: 'local' | 's3';
  /** What the egress is told to write to for a key: an absolute path, or the object key in the bucket. */
  egressLocation(key: string): string;
  readText(key: string): Promise<string | undefined>;
  /** Sends the file (local: with HTTP Range support) or redirects to a short-lived signed URL (S3). */
  serve(res: Response, key: string, cacheControl: string): Promise<void>;
  /** Deletes every object whose key starts with the prefix. */
  removeAll(prefix: string): Promise<void>;
  /** The bytes of every object whose key starts with the prefix. */
  totalBytes(prefix: string): Promise<number>;
  /** Where browsers are redirected to fetch files (the bucket's origin), for the Content-Security-Policy. */
  browserOrigin?: string;
};

/**
 * How long a signed S3 link stays valid. Short: a link handed out before a block or a switch to "only me" stops
 * working within minutes. The redirect is never cached, so the player comes back here (and through the access
 * check) for every range it reads, and gets a fresh link each time.
 */
export const SIGNED_URL_SECONDS = 5 * 60;

async function filesStartingWith(prefixPath: string): Promise<{ directory: string; names: string[] }> {
  const directory = path.dirname(prefixPath);
  const stem = path.basename(prefixPath);
  const entries = await fs.readdir(directory).catch(() => [] as string[]);
  return { directory, names: entries.filter((name) => name.startsWith(stem)) };
}

function localStorage(root: string): RecordingStorage {
  const pathOf = (key: string) => path.join(root, key);
  return {
    kind: 'local',
    egressLocation: pathOf,
    async readText(key) {
      try {
        return await fs.readFile(pathOf(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    serve(res, key, cacheControl) {
      // `send` (behind res.sendFile) answers Range requests with 206 and sets the type from the extension.
      return new Promise((resolve, reject) => {
        // With `root`, only the key is checked for dot-segments (the folder itself may be under .data/).
        res.sendFile(
          key,
          { root, headers: { 'Cache-Control': cacheControl }, acceptRanges: true, lastModified: true },
          (error) => {
            if (!error) return resolve();
            // `send` typed the answer as the file before it failed; the error is JSON.
            if (!res.headersSent) res.removeHeader('Content-Type');
            const status = (error as { status?: number }).status;
            if ((error as NodeJS.ErrnoException).code === 'ENOENT' || status === 404)
              return reject(notFound('This file is no longer available.'));
            if (status === 416) return reject(new AppError(416, 'BAD_REQUEST', 'The requested byte range is outside the file.'));
            // The viewer closed the tab mid-file: nothing to answer.
            if ((error as NodeJS.ErrnoException).code === 'ECONNABORTED' || res.headersSent) return resolve();
            reject(error);
          },
        );
      });
    },
    async removeAll(prefix) {
      const { directory, names } = await filesStartingWith(pathOf(prefix));
      await Promise.all(names.map((name) => fs.rm(path.join(directory, name), { recursive: true, force: true })));
    },
    async totalBytes(prefix) {
      const { directory, names } = await filesStartingWith(pathOf(prefix));
      const sizes = await Promise.all(
        names.map((name) =>
          fs.stat(path.join(directory, name)).then(
            (stat) => stat.size,
            () => 0,
          ),
        ),
      );
      return sizes.reduce((sum, size) => sum + size, 0);
    },
  };
}

export type S3Location = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
};

export function s3Storage({
  bucket,
  region,
  endpoint,
  forcePathStyle,
  accessKeyId,
  secretAccessKey,
}: S3Location): RecordingStorage {
  const client = new S3Client({ region, endpoint, forcePathStyle, credentials: { accessKeyId, secretAccessKey } });
  const base = new URL(endpoint ?? `https://s3.${region}.amazonaws.com`);
  async function* pagesOf(prefix: string) {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      yield page.Contents ?? [];
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
  return {
    kind: 's3',
    browserOrigin: forcePathStyle ? base.origin : `${base.protocol}//${bucket}.${base.host}`,
    egressLocation: (key) => key,
    async readText(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return await object.Body?.transformToString('utf8');
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async serve(res, key) {
      // The bucket answers Range requests itself; the browser follows the redirect with its Range header.
      const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
        expiresIn: SIGNED_URL_SECONDS,
      });
      res.status(302).set({ Location: url, 'Cache-Control': 'no-store' }).end();
    },
    async removeAll(prefix) {
      for await (const objects of pagesOf(prefix)) {
        const keys = objects.flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
        if (keys.length) await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
      }
    },
    async totalBytes(prefix) {
      let total = 0;
      for await (const objects of pagesOf(prefix)) total += objects.reduce((sum, object) => sum + (object.Size ?? 0), 0);
      return total;
    },
  };
}

export const storage: RecordingStorage = env.RECORDINGS_S3_BUCKET
  ? s3Storage({
      bucket: env.RECORDINGS_S3_BUCKET,
      region: env.RECORDINGS_S3_REGION,
      endpoint: env.RECORDINGS_S3_ENDPOINT,
      forcePathStyle: env.RECORDINGS_S3_FORCE_PATH_STYLE,
      accessKeyId: env.RECORDINGS_S3_ACCESS_KEY_ID!,
      secretAccessKey: env.RECORDINGS_S3_SECRET_ACCESS_KEY!,
    })
  : localStorage(env.RECORDINGS_DIR);
