import { Router } from 'express';
import { toNodeHandler } from 'better-auth/node';
import { auth, CLIENT_IP_HEADER } from './auth.service.ts';

/**
 * /api/auth: better-auth's endpoints (sign-up, sign-in, sign-out, session). better-auth reads its own body,
 * so this router is mounted before the JSON parser. Limits run inside better-auth's hooks (auth.service.ts),
 * on the path better-auth itself resolved.
 */
export const authRouter = Router();

const handleAuth = toNodeHandler(auth);

authRouter.all('/{*rest}', (req, res) => {
  // The address Express trusts (TRUST_PROXY), replacing anything the client sent under this name.
  req.headers[CLIENT_IP_HEADER] = req.ip ?? 'unknown';
  return handleAuth(req, res);
});
