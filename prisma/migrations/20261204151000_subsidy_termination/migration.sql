-- Issue 22 §3–4: termination (France Travail art. 14, Région convention cadre art. 11), substantial
-- modification (FT art. 8) and lapse (caducité) as recorded states with their dates.
ALTER TYPE "SubsidyStatus" ADD VALUE 'TERMINATING';
ALTER TYPE "SubsidyStatus" ADD VALUE 'TERMINATED';
ALTER TABLE "SubsidyFile"
  ADD COLUMN "terminationMode" TEXT,
  ADD COLUMN "terminationNoticeAt" DATE,
  ADD COLUMN "terminationEffectiveAt" DATE,
  ADD COLUMN "restitutionCents" BIGINT,
  ADD COLUMN "substantialChangeAt" DATE,
  ADD COLUMN "lapsedAt" DATE;
