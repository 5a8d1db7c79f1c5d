import { guard } from '../../http/api-router.ts';
import { security } from '../../http/api-security.ts';
import { forbidden, unauthenticated } from '../../http/errors.ts';
import { sessionUserOf } from '../auth/auth.service.ts';
import { isAdmin } from './admin.service.ts';

/** Admins only: 401 when signed out, 403 for everyone else (checked per request: no re-login needed). */
export const requireAdmin = guard(
  async (req, _res, next) => {
    const user = await sessionUserOf(req.headers);
    if (!user) throw unauthenticated();
    if (!(await isAdmin(user))) throw forbidden('Only admins can do that.', { reason: 'NOT_ADMIN' });
    req.user = user;
    next();
  },
  { security: [security.session], errors: { 401: 'Not signed in.', 403: 'Not an admin.' } },
);
