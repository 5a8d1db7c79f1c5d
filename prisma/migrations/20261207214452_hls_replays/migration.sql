-- CreateEnum
CREATE TYPE "ReplayFormat" AS ENUM ('MP4', 'HLS');

-- AlterTable
ALTER TABLE "Replay" ADD COLUMN     "format" "ReplayFormat" NOT NULL DEFAULT 'MP4',
ADD COLUMN     "hlsParts" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "timeline" JSONB;
