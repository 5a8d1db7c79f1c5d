-- CreateEnum
CREATE TYPE "RestreamStatus" AS ENUM ('IDLE', 'STARTING', 'LIVE', 'FAILED');

-- CreateTable
CREATE TABLE "RestreamDestination" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "keyCipher" TEXT NOT NULL,
    "keyHint" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "status" "RestreamStatus" NOT NULL DEFAULT 'IDLE',
    "error" TEXT,
    "egressId" TEXT,
    "egressUpdatedAt" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RestreamDestination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RestreamDestination_userId_idx" ON "RestreamDestination"("userId");

-- CreateIndex
CREATE INDEX "RestreamDestination_egressId_idx" ON "RestreamDestination"("egressId");

-- AddForeignKey
ALTER TABLE "RestreamDestination" ADD CONSTRAINT "RestreamDestination_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
