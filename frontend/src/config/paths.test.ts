import { describe, expect, it } from 'vitest';
import { SITE_PAGES } from '@streamhouse/contract';
import { paths } from './paths.ts';

describe('the site’s own pages', () => {
  it('are all in the contract’s SITE_PAGES, so none can be taken as a username or counted as a profile visit', () => {
    const topLevel = new Set(
      Object.values(paths)
        .map(({ pattern }) => pattern.split('/')[1] ?? '')
        .filter((segment) => segment !== '' && !segment.startsWith(':')),
    );
    expect([...topLevel].filter((segment) => !(SITE_PAGES as readonly string[]).includes(segment))).toEqual([]);
  });
});
