import { guard } from '../../http/api-router.ts';
import { security } from '../../http/api-security.ts';
import { forbidden, unauthenticated } from '../../http/errors.ts';
import { sessionOf, sessionUserOf, type SessionUser } from './auth.service.ts';

declare global {
  namespace Express {
    interface Request {
      /** Set by the guards below; undefined for anonymous requests. */
      user?: SessionUser;
      /** The session the request came with (set by requireUser). */
      sessionId?: string;
    }
  }
}

/** Anonymous allowed: attaches the user when a valid session cookie is present. */
export const optionalUser = guard(
  async (req, _res, next) => {
    req.user = await sessionUserOf(req.headers);
    next();
  },
  { security: [security.anonymous, security.session] },
);

/** Signed-in only: 401 otherwise. */
export const requireUser = guard(
  async (req, _res, next) => {
    const session = await sessionOf(req.headers);
    if (!session) throw unauthenticated();
    req.user = session.user;
    req.sessionId = session.sessionId;
    next();
  },
  { security: [security.session], errors: { 401: 'Not signed in.' } },
);

/** For handlers behind requireUser. */
export function signedInUser(user: SessionUser | undefined): SessionUser {
  if (!user) throw unauthenticated();
  return user;
}

/** The session id requireUser set, for handlers behind it. */
export function signedInSessionId(sessionId: string | undefined): string {
  if (!sessionId) throw unauthenticated();
  return sessionId;
}

/**
 * Creator-owner only: the signed-in user must own the channel named by the route's `:username`
 * (401 when signed out, 403 for anyone else), so handlers never compare ids themselves.
 */
export const requireChannelOwner = guard(
  async (req, _res, next) => {
    const user = await sessionUserOf(req.headers);
    if (!user) throw unauthenticated();
    const named = typeof req.params.username === 'string' ? req.params.username.toLowerCase() : undefined;
    if (named !== user.username) throw forbidden('Only the owner of this channel can do that.', { reason: 'NOT_OWNER' });
    req.user = user;
    next();
  },
  { security: [security.session], errors: { 401: 'Not signed in.', 403: 'Signed in as someone else than `:username`.' } },
);
