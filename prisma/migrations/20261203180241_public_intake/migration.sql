-- CreateEnum
CREATE TYPE "CallbackOrigin" AS ENUM ('NUMERO_VERT', 'FORMULAIRE_EN_LIGNE');

-- CreateEnum
CREATE TYPE "IntakeKind" AS ENUM ('ENTREPRISE', 'PERSONNE');

-- CreateEnum
CREATE TYPE "IntakeStatus" AS ENUM ('A_TRAITER', 'CONVERTIE', 'ECARTEE', 'EXPIREE');

-- AlterEnum
ALTER TYPE "JobSeekerOrigin" ADD VALUE 'FORMULAIRE_EN_LIGNE';

-- AlterTable
ALTER TABLE "NumeroVertCallback" ADD COLUMN     "origin" "CallbackOrigin" NOT NULL DEFAULT 'NUMERO_VERT';

-- CreateTable
CREATE TABLE "IntakeRequest" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "kind" "IntakeKind" NOT NULL,
    "status" "IntakeStatus" NOT NULL DEFAULT 'A_TRAITER',
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "communeInsee" VARCHAR(5) NOT NULL,
    "communeName" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "role" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "need" TEXT,
    "preferredSlot" TEXT,
    "siret" CHAR(14),
    "companyId" UUID,
    "callbackId" UUID,
    "jobSeekerId" UUID,
    "contactId" UUID,
    "processedAt" TIMESTAMP(3),
    "processedById" UUID,
    "wipedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntakeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntakeRequest_callbackId_key" ON "IntakeRequest"("callbackId");

-- CreateIndex
CREATE INDEX "IntakeRequest_platformId_status_submittedAt_idx" ON "IntakeRequest"("platformId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "IntakeRequest_status_submittedAt_idx" ON "IntakeRequest"("status", "submittedAt");

-- AddForeignKey
ALTER TABLE "IntakeRequest" ADD CONSTRAINT "IntakeRequest_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeRequest" ADD CONSTRAINT "IntakeRequest_callbackId_fkey" FOREIGN KEY ("callbackId") REFERENCES "NumeroVertCallback"("id") ON DELETE SET NULL ON UPDATE CASCADE;
