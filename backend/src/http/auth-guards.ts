import type { RequestHandler } from 'express';
import { fromNodeHeaders } from 'better-auth/node';
import { auth, type SessionUser } from '../lib/auth.ts';
import { unauthenticated } from './errors.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by the guards below; undefined for anonymous requests. */
      user?: SessionUser;
    }
  }
}

/** Anonymous allowed: attaches the user when a valid session cookie is present. */
export const optionalUser: RequestHandler = async (req, _res, next) => {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  req.user = session?.user;
  next();
};

/** Signed-in only: 401 otherwise. */
export const requireUser: RequestHandler = async (req, _res, next) => {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  if (!session) throw unauthenticated();
  req.user = session.user;
  next();
};

/** For handlers behind requireUser. */
export function signedInUser(user: SessionUser | undefined): SessionUser {
  if (!user) throw unauthenticated();
  return user;
}
