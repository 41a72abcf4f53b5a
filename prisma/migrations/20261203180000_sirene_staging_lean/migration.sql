-- The staging table is written once per line of a 600 000-line regional file: one index less to maintain.
-- The legal units' names are joined by SIREN once per batch of 5 000, which a hash join does without it.
DROP INDEX "SireneStaging_importId_siren_idx";
