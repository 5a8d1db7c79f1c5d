// Plain constants and functions only (no zod): the frontend bundles what it imports from here.
export * from './error-reasons.ts';
export * from './limits.ts';
export * from './obs-settings.ts';
export * from './room.ts';
export * from './site-pages.ts';
export * from './stream-health.ts';
