-- CreateEnum
CREATE TYPE "ChatSanctionKind" AS ENUM ('TIMEOUT', 'BAN');

-- AlterTable
ALTER TABLE "Stream" ADD COLUMN     "lastEventAt" TIMESTAMP(3),
ADD COLUMN     "pinnedMessageId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "creatorApproved" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "StreamSession" (
    "id" TEXT NOT NULL,
    "streamId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "peakViewers" INTEGER NOT NULL DEFAULT 0,
    "chatMessageCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StreamSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ViewerPresence" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,
    "leftAt" TIMESTAMP(3),

    CONSTRAINT "ViewerPresence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowEndsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ChatMessage" (
    "id" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "senderIdentity" TEXT NOT NULL,
    "senderUserId" TEXT,
    "senderName" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "isGuest" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatModerator" (
    "hostId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatModerator_pkey" PRIMARY KEY ("hostId","userId")
);

-- CreateTable
CREATE TABLE "ChatSanction" (
    "id" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "kind" "ChatSanctionKind" NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatSanction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StreamSession_streamId_startedAt_idx" ON "StreamSession"("streamId", "startedAt");

-- CreateIndex
CREATE INDEX "ViewerPresence_sessionId_identity_idx" ON "ViewerPresence"("sessionId", "identity");

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_idx" ON "WebhookEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowEndsAt_idx" ON "RateLimitCounter"("windowEndsAt");

-- CreateIndex
CREATE INDEX "ChatMessage_hostId_createdAt_idx" ON "ChatMessage"("hostId", "createdAt");

-- CreateIndex
CREATE INDEX "ChatMessage_hostId_senderIdentity_createdAt_idx" ON "ChatMessage"("hostId", "senderIdentity", "createdAt");

-- CreateIndex
CREATE INDEX "ChatSanction_hostId_identity_idx" ON "ChatSanction"("hostId", "identity");

-- AddForeignKey
ALTER TABLE "StreamSession" ADD CONSTRAINT "StreamSession_streamId_fkey" FOREIGN KEY ("streamId") REFERENCES "Stream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ViewerPresence" ADD CONSTRAINT "ViewerPresence_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StreamSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatModerator" ADD CONSTRAINT "ChatModerator_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatModerator" ADD CONSTRAINT "ChatModerator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
