-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "timeSet" BOOLEAN NOT NULL DEFAULT false;
-- Visits recorded before this column keep their hour when they had one (midnight UTC = a date only).
UPDATE "Visit" SET "timeSet" = true WHERE "date"::time <> TIME '00:00:00';

-- CreateTable
CREATE TABLE "ReferenceDataset" (
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceDataset_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "RomeCode" (
    "code" VARCHAR(5) NOT NULL,
    "label" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "RomeCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "RomeAppellation" (
    "ogrCode" VARCHAR(8) NOT NULL,
    "label" TEXT NOT NULL,
    "romeCode" VARCHAR(5) NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "RomeAppellation_pkey" PRIMARY KEY ("ogrCode")
);

-- CreateTable
CREATE TABLE "NafCode" (
    "code" VARCHAR(5) NOT NULL,
    "label" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "NafCode_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "RomeAppellation_romeCode_idx" ON "RomeAppellation"("romeCode");

-- AddForeignKey
ALTER TABLE "RomeAppellation" ADD CONSTRAINT "RomeAppellation_romeCode_fkey" FOREIGN KEY ("romeCode") REFERENCES "RomeCode"("code") ON DELETE CASCADE ON UPDATE CASCADE;
