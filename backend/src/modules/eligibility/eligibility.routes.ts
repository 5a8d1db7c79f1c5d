import { Router } from 'express';
import { requireUser, signedInUser } from '../../http/auth-guards.ts';
import { getEligibility } from './eligibility.service.ts';

export const eligibilityRouter = Router();

/** Whether the signed-in user may create a stream key, with the reason in words when not. */
eligibilityRouter.get('/stream/eligibility', requireUser, async (req, res) => {
  res.json(await getEligibility(signedInUser(req.user).id));
});
