-- Issue 18. Offers: the list's orders (receivedAt or title, then id) served by an index for one
-- platform and for the whole Région (keyset pagination). Job seekers: the normalised last and first
-- names (lower-case, no accents: the twin of lib/search/normalize.ts), kept by a trigger like
-- Company."searchText", in the "C" collation so that their plain b-trees serve a 1–2 character
-- prefix search (`LIKE 'du%'`) as an index range scan whatever the database collation.
-- AlterTable
ALTER TABLE "JobSeeker" ADD COLUMN     "firstNameKey" TEXT COLLATE "C" NOT NULL DEFAULT '',
ADD COLUMN     "lastNameKey" TEXT COLLATE "C" NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION job_seeker_name_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."lastNameKey" := COALESCE(lower(f_unaccent(NEW."lastName")), '');
  NEW."firstNameKey" := COALESCE(lower(f_unaccent(NEW."firstName")), '');
  RETURN NEW;
END
$$;

CREATE TRIGGER "JobSeeker_nameKeys_trg" BEFORE INSERT OR UPDATE OF "lastName", "firstName" ON "JobSeeker"
  FOR EACH ROW EXECUTE FUNCTION job_seeker_name_keys();

UPDATE "JobSeeker" SET "lastNameKey" = COALESCE(lower(f_unaccent("lastName")), ''), "firstNameKey" = COALESCE(lower(f_unaccent("firstName")), '')
  WHERE "lastName" IS NOT NULL OR "firstName" IS NOT NULL;

-- CreateIndex
CREATE INDEX "JobOffer_platformId_receivedAt_id_idx" ON "JobOffer"("platformId", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "JobOffer_receivedAt_id_idx" ON "JobOffer"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "JobOffer_title_id_idx" ON "JobOffer"("title", "id");

-- CreateIndex
CREATE INDEX "JobSeeker_platformId_lastNameKey_idx" ON "JobSeeker"("platformId", "lastNameKey");

-- CreateIndex
CREATE INDEX "JobSeeker_platformId_firstNameKey_idx" ON "JobSeeker"("platformId", "firstNameKey");

-- CreateIndex
CREATE INDEX "JobSeeker_lastNameKey_idx" ON "JobSeeker"("lastNameKey");

-- CreateIndex
CREATE INDEX "JobSeeker_firstNameKey_idx" ON "JobSeeker"("firstNameKey");
