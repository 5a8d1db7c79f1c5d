-- CreateEnum
CREATE TYPE "ViewerSource" AS ENUM ('HOME', 'SEARCH', 'PROFILE', 'FOLLOWING', 'DIRECT');

-- AlterTable
ALTER TABLE "ViewerPresence" ADD COLUMN     "source" "ViewerSource";
