-- Rate-limit counters are short-lived and cheap to lose (a crash or failover resets them), and every guest pass,
-- sign-in attempt and chat message touches them: without WAL, a transaction that only counts does not wait for
-- a disk flush at commit. (Prisma's schema cannot say UNLOGGED; its diff does not look at it either.)
ALTER TABLE "RateLimitCounter" SET UNLOGGED;
