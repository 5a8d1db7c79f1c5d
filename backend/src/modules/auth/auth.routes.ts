import express, { Router } from 'express';
import { parse } from '../../http/validate.ts';
import { signInAttemptBody } from './auth.schemas.ts';
import { countSignInAttempt } from './sign-in-limit.service.ts';

/**
 * Runs in front of better-auth's sign-in endpoints. It parses the body itself (better-auth re-reads a
 * parsed body) and keys the per-IP limit on req.ip, which honours TRUST_PROXY.
 */
export const signInLimitRouter = Router();

signInLimitRouter.post(
  '/auth/sign-in/{*method}',
  express.json({ limit: '10kb' }),
  express.urlencoded({ extended: false, limit: '10kb' }),
  async (req, _res, next) => {
    const body = parse(signInAttemptBody, req.body ?? {});
    await countSignInAttempt({ ip: req.ip ?? 'unknown', name: body.username ?? body.email });
    next();
  },
);
