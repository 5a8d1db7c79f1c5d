// Plain constants and functions only (no zod): the frontend bundles what it imports from here.
export * from './limits.ts';
export * from './room.ts';
export * from './stream-health.ts';
