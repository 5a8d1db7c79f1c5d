-- AlterTable
ALTER TABLE "Stream" ADD COLUMN     "categoryId" TEXT,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "coverFrom" TEXT NOT NULL,
    "coverTo" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Category_slug_key" ON "Category"("slug");

-- CreateIndex
CREATE INDEX "Stream_categoryId_isLive_viewerCount_idx" ON "Stream"("categoryId", "isLive", "viewerCount" DESC);

-- AddForeignKey
ALTER TABLE "Stream" ADD CONSTRAINT "Stream_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Seed: the browse categories (every environment, tests included, has them; no route writes them).
INSERT INTO "Category" ("id", "slug", "name", "coverFrom", "coverTo", "position") VALUES
  ('cat_just_chatting', 'just-chatting', 'Just Chatting', '#7c3aed', '#db2777', 1),
  ('cat_gaming', 'gaming', 'Gaming', '#2563eb', '#06b6d4', 2),
  ('cat_music', 'music', 'Music', '#e11d48', '#f59e0b', 3),
  ('cat_creative', 'creative', 'Art & Creative', '#059669', '#84cc16', 4),
  ('cat_coding', 'coding', 'Software & Coding', '#0f766e', '#6366f1', 5),
  ('cat_sports', 'sports', 'Sports & Fitness', '#ea580c', '#dc2626', 6),
  ('cat_education', 'education', 'Education', '#0284c7', '#a855f7', 7),
  ('cat_irl', 'irl', 'IRL & Travel', '#ca8a04', '#16a34a', 8)
ON CONFLICT ("id") DO NOTHING;
