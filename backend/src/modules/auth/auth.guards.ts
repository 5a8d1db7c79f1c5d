import type { RequestHandler } from 'express';
import { forbidden, unauthenticated } from '../../http/errors.ts';
import { sessionUserOf, type SessionUser } from './auth.service.ts';

declare global {
  namespace Express {
    interface Request {
      /** Set by the guards below; undefined for anonymous requests. */
      user?: SessionUser;
    }
  }
}

/** Anonymous allowed: attaches the user when a valid session cookie is present. */
export const optionalUser: RequestHandler = async (req, _res, next) => {
  req.user = await sessionUserOf(req.headers);
  next();
};

/** Signed-in only: 401 otherwise. */
export const requireUser: RequestHandler = async (req, _res, next) => {
  const user = await sessionUserOf(req.headers);
  if (!user) throw unauthenticated();
  req.user = user;
  next();
};

/** For handlers behind requireUser. */
export function signedInUser(user: SessionUser | undefined): SessionUser {
  if (!user) throw unauthenticated();
  return user;
}

/**
 * Creator-owner only: the signed-in user must own the channel named by the route's `:username`
 * (401 when signed out, 403 for anyone else), so handlers never compare ids themselves.
 */
export const requireChannelOwner: RequestHandler = async (req, _res, next) => {
  const user = await sessionUserOf(req.headers);
  if (!user) throw unauthenticated();
  const named = typeof req.params.username === 'string' ? req.params.username.toLowerCase() : undefined;
  if (named !== user.username) throw forbidden('Only the owner of this channel can do that.');
  req.user = user;
  next();
};
