import { z } from 'zod';
import { singleLineText } from '../../http/text-policy.ts';
import { SEARCH_QUERY_MAX_LENGTH } from '@streamhouse/contract';
import { chatSettings } from '@streamhouse/contract/events';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1, 'must be 1 or more').max(10_000).default(1),
  limit: z.coerce.number().int().min(1, 'must be 1 or more').max(50, 'must be 50 or less').default(12),
});

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50, 'must be 50 or less').default(12),
});

export const searchQuery = z.object({
  q: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'type something to search for')
    .pipe(singleLineText({ max: SEARCH_QUERY_MAX_LENGTH, min: 1 })),
  limit: z.coerce.number().int().min(1).max(50, 'must be 50 or less').default(20),
});

export const usernameParams = z.object({
  username: z.string().trim().min(1).max(64),
});

export type PageQuery = z.infer<typeof pageQuery>;

// ── Responses

/** What a stream card shows; never the key or ingress data. */
export const streamCard = z
  .strictObject({
    hostId: z.string(),
    username: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    title: z.string(),
    thumbnailUrl: z.string().nullable(),
    /** A recent picture of the broadcast while live and recorded; the `v` in the URL changes when a newer one exists. */
    liveThumbnailUrl: z.string().nullable(),
    isLive: z.boolean(),
    viewerCount: z.number().int().min(0),
    startedAt: z.iso.datetime().nullable(),
    category: z.strictObject({ slug: z.string(), name: z.string() }).nullable(),
    tags: z.array(z.string()),
  })
  .meta({ id: 'StreamCard', description: "A creator's stream as lists show it." });

export const categorySlugParams = z.object({ slug: z.string().trim().min(1).max(40) }).strict();

export const browseCategory = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    /** The cover: a diagonal gradient between two colours. */
    cover: z.strictObject({ from: z.string(), to: z.string() }),
    liveCount: z.number().int().min(0),
    viewerCount: z.number().int().min(0),
  })
  .meta({ id: 'BrowseCategory', description: 'A category with how many streams are live in it and how many watch them.' });

export const browseCategoryList = z.strictObject({ items: z.array(browseCategory) }).meta({
  id: 'BrowseCategoryList',
  description: 'Every category, most live streams first (then most viewers, then the fixed order).',
});

export const categoryStreams = z
  .strictObject({ category: browseCategory, items: z.array(streamCard) })
  .meta({ id: 'CategoryStreams', description: 'A category and its live streams, most watched first.' });

export const streamCardPage = z
  .strictObject({
    items: z.array(streamCard),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    limit: z.number().int().min(1),
    totalPages: z.number().int().min(0),
  })
  .meta({ id: 'StreamCardPage', description: 'One page of live streams, most watched first.' });

export const streamCardList = z.strictObject({ items: z.array(streamCard) }).meta({ id: 'StreamCardList' });

/** The watch page's public view of a channel: profile, stream state and chat rules (no key, no ingress data). */
export const publicStream = streamCard
  .extend({
    bio: z.string().nullable(),
    description: z.string().nullable(),
    followerCount: z.number().int().min(0),
    isFollowing: z.boolean(),
    isOwner: z.boolean(),
    chat: chatSettings,
  })
  .meta({
    id: 'PublicStream',
    description: "A channel as its watch page shows it: the creator, the stream and the chat's rules.",
  });

export type StreamCard = z.infer<typeof streamCard>;

export const upcomingSchedule = z
  .strictObject({
    startsAt: z.iso.datetime(),
    title: z.string(),
    category: z.strictObject({ slug: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'UpcomingSchedule', description: 'A next broadcast a creator announced.' });

export const channelSchedule = z
  .strictObject({ hostId: z.string(), username: z.string(), schedule: upcomingSchedule.nullable(), reminded: z.boolean() })
  .meta({
    id: 'ChannelSchedule',
    description: "A channel's next announced broadcast (null if none), and whether you asked to be reminded.",
  });

export const upcomingList = z
  .strictObject({ items: z.array(streamCard.extend({ schedule: upcomingSchedule })) })
  .meta({ id: 'UpcomingList', description: 'Announced broadcasts still to come, soonest first.' });
