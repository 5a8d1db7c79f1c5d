-- CreateEnum
CREATE TYPE "ReplayStatus" AS ENUM ('STARTING', 'RECORDING', 'PROCESSING', 'READY', 'FAILED');

-- CreateEnum
CREATE TYPE "ReplayVisibility" AS ENUM ('EVERYONE', 'FOLLOWERS', 'ONLY_ME');

-- CreateTable
CREATE TABLE "Replay" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "status" "ReplayStatus" NOT NULL DEFAULT 'STARTING',
    "egressId" TEXT,
    "egressStartedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "storage" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "snapshotPrefix" TEXT NOT NULL,
    "thumbnailKey" TEXT,
    "mediaStartedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "sizeBytes" BIGINT,
    "egressUpdatedAt" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Replay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplaySettings" (
    "userId" TEXT NOT NULL,
    "recordingEnabled" BOOLEAN NOT NULL DEFAULT true,
    "visibility" "ReplayVisibility" NOT NULL DEFAULT 'EVERYONE',
    "retentionDays" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplaySettings_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Replay_sessionId_key" ON "Replay"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Replay_egressId_key" ON "Replay"("egressId");

-- CreateIndex
CREATE INDEX "Replay_hostId_createdAt_idx" ON "Replay"("hostId", "createdAt");

-- CreateIndex
CREATE INDEX "Replay_status_idx" ON "Replay"("status");

-- AddForeignKey
ALTER TABLE "Replay" ADD CONSTRAINT "Replay_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StreamSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplaySettings" ADD CONSTRAINT "ReplaySettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
