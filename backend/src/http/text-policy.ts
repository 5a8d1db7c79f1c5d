import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * One text policy for every input. Control characters (C0, DEL, C1) and bidirectional overrides and isolates
 * (used to disguise text) are refused; multi-line fields keep their newlines. Text must show something:
 * whitespace, zero-width and other invisible characters alone are not a name or a message.
 */
const UNSAFE_CHARACTER = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_CHARACTER_EXCEPT_NEWLINE = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
/** Shows nothing by itself: white space, format and default-ignorable characters, marks, and blank "letters". */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800\u3164\uffa0\u115f\u1160]/gu;

export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** Counted in characters as a person sees them (code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

/** A one-line text field: trimmed; `min: 1` makes it required and visible. */
export function singleLineText(options: { max: number; min?: 0 | 1 }) {
  const base = z
    .string({ error: 'must be text' })
    .trim()
    .refine((text) => !UNSAFE_CHARACTER.test(text), 'must not contain control characters')
    .refine((text) => length(text) <= options.max, `must be at most ${options.max} characters`);
  if (!options.min) return base.refine((text) => text === '' || hasVisibleText(text), 'must contain visible characters');
  return base
    .refine((text) => text.length > 0, 'must not be empty')
    .refine((text) => text === '' || hasVisibleText(text), 'must contain visible characters');
}

/** A multi-line text field (newlines kept, CRLF folded); empty becomes null, so it can be cleared. */
export function multiLineText(options: { max: number }) {
  return z
    .string({ error: 'must be text or null' })
    .trim()
    .transform((text) => text.replace(/\r\n?/g, '\n'))
    .pipe(
      z
        .string()
        .refine((text) => !UNSAFE_CHARACTER_EXCEPT_NEWLINE.test(text), 'must not contain control characters')
        .refine((text) => length(text) <= options.max, `must be at most ${options.max} characters`)
        .refine((text) => text === '' || hasVisibleText(text), 'must contain visible characters'),
    )
    .transform((text) => text || null)
    .nullable();
}

const CONTROL_CHARACTER = /\p{Cc}/u;

function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/** The global text rules answer with a `reason`, so a test can tell them from a route's own validation. */
const badInput = (message: string, reason: 'MALFORMED_ESCAPE' | 'CONTROL_CHARACTER' | 'NUL_IN_BODY') =>
  new AppError(400, 'BAD_REQUEST', message, { reason });

/**
 * Before any route: a path or query with a control character (or a malformed %-escape) is refused, whatever
 * the route, so no handler or database ever sees one. Runs again after the JSON parser for bodies, where NUL
 * (which PostgreSQL cannot store) is refused everywhere and other control characters per field, above.
 */
export const refuseControlCharactersInUrl: RequestHandler = (req, _res, next) => {
  const [path = '', query = ''] = req.originalUrl.split(/\?(.*)/s);
  const decodedPath = decodedOrNull(path);
  if (decodedPath === null) throw badInput('The address is not valid: it has a malformed %-escape.', 'MALFORMED_ESCAPE');
  if (CONTROL_CHARACTER.test(decodedPath))
    throw badInput('The address must not contain control characters.', 'CONTROL_CHARACTER');
  const decodedQuery = decodedOrNull(query.replace(/\+/g, ' '));
  if (decodedQuery === null) throw badInput('The query string is not valid: it has a malformed %-escape.', 'MALFORMED_ESCAPE');
  if (CONTROL_CHARACTER.test(decodedQuery))
    throw badInput('The query string must not contain control characters.', 'CONTROL_CHARACTER');
  next();
};

export const refuseNulInBody: RequestHandler = (req, _res, next) => {
  if (containsNul(req.body)) throw badInput('The request body must not contain NUL characters.', 'NUL_IN_BODY');
  next();
};
