-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'reminder';

-- AlterTable
ALTER TABLE "Stream" ADD COLUMN     "scheduledAt" TIMESTAMP(3),
ADD COLUMN     "scheduledCategoryId" TEXT,
ADD COLUMN     "scheduledTitle" TEXT;

-- CreateTable
CREATE TABLE "StreamReminder" (
    "userId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StreamReminder_pkey" PRIMARY KEY ("userId","hostId")
);

-- CreateIndex
CREATE INDEX "StreamReminder_hostId_idx" ON "StreamReminder"("hostId");

-- CreateIndex
CREATE INDEX "Stream_scheduledAt_idx" ON "Stream"("scheduledAt");

-- AddForeignKey
ALTER TABLE "Stream" ADD CONSTRAINT "Stream_scheduledCategoryId_fkey" FOREIGN KEY ("scheduledCategoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamReminder" ADD CONSTRAINT "StreamReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamReminder" ADD CONSTRAINT "StreamReminder_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
