import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Parses untrusted input at the edge; a failure becomes a 400 naming each bad field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
  const summary = fields.map((field) => `${field.path}: ${field.message}`).join('; ');
  throw new AppError(400, 'VALIDATION_FAILED', `Invalid input — ${summary}`, { fields });
}
