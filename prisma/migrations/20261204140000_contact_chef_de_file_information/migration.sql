-- Issue 22 §2 « For company contacts and chefs de file too »: which information notice was given,
-- when and how, on the company contacts and the chefs de file, like on the job seekers.
-- Région convention, annex 1 art. 3.3: « Le Sous-traitant, au moment de la collecte des données, doit
-- fournir aux personnes concernées … l'information relative aux Traitements de données à caractère
-- personnel qu'il réalise » (texts: NoticeText COMPANY_CONTACT and CHEF_DE_FILE, version 1 written by
-- migration 20261203183000_notice_texts_v1).
ALTER TABLE "CompanyContact"
  ADD COLUMN "informedAt" TIMESTAMP(3),
  ADD COLUMN "informedChannel" "InformationChannel",
  ADD COLUMN "informedNoticeVersion" INTEGER;

ALTER TABLE "ChefDeFile"
  ADD COLUMN "informedAt" TIMESTAMP(3),
  ADD COLUMN "informedChannel" "InformationChannel",
  ADD COLUMN "informedNoticeVersion" INTEGER;
