-- Look-alike folding from Unicode's confusables (UTS #39). This is nameSkeleton() (backend/src/lib/name-skeleton.ts)
-- written out for every character a username may contain ([A-Za-z0-9_]), and it now folds the username as typed
-- (displayUsername): "AIice" with a capital I reads as "Alice". The guest-names test keeps the two equal.
CREATE OR REPLACE FUNCTION "username_skeleton"(username TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT replace(replace(replace(
    translate(username, 'ABCDEFGHIJKLNOPQRSTUVWXYZi013457_', 'abcdefghljklnopqrstuvwxyzloleast'),
    'M', 'rn'), 'm', 'rn'), 'vv', 'w') $$;

CREATE OR REPLACE FUNCTION "user_set_username_skeleton"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW."usernameSkeleton" := "username_skeleton"(NEW."displayUsername"); RETURN NEW; END $$;

DROP TRIGGER "user_username_skeleton" ON "User";
CREATE TRIGGER "user_username_skeleton" BEFORE INSERT OR UPDATE OF "username", "displayUsername" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "user_set_username_skeleton"();

UPDATE "User" SET "usernameSkeleton" = "username_skeleton"("displayUsername");
