-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "senderNetwork" TEXT;

-- AlterTable
ALTER TABLE "ChatSanction" ADD COLUMN     "network" TEXT;

-- AlterTable
ALTER TABLE "Stream" ADD COLUMN     "guestsMayChat" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "usernameSkeleton" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "ChatMessage_hostId_senderNetwork_createdAt_idx" ON "ChatMessage"("hostId", "senderNetwork", "createdAt");

-- CreateIndex
CREATE INDEX "ChatSanction_hostId_network_idx" ON "ChatSanction"("hostId", "network");

-- CreateIndex
CREATE INDEX "User_usernameSkeleton_idx" ON "User"("usernameSkeleton");

-- The username folded for look-alike comparison, kept by the database so every way a user is created fills it.
-- Usernames are [A-Za-z0-9_], and this is the same folding as nameSkeleton() in
-- backend/src/modules/tokens/guest-names.ts restricted to those characters (a test checks they agree).
CREATE FUNCTION "username_skeleton"(username TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT replace(replace(translate(lower(username), '013457i_', 'oleastl'), 'rn', 'm'), 'vv', 'w') $$;

CREATE FUNCTION "user_set_username_skeleton"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW."usernameSkeleton" := "username_skeleton"(NEW."username"); RETURN NEW; END $$;

CREATE TRIGGER "user_username_skeleton" BEFORE INSERT OR UPDATE OF "username" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "user_set_username_skeleton"();

UPDATE "User" SET "usernameSkeleton" = "username_skeleton"("username");
