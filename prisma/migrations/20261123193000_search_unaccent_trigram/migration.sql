-- Accent- and case-insensitive search: each searchable table keeps a normalised "searchText"
-- (lower-case, unaccented) maintained by a trigger, with a trigram GIN index so that
-- `searchText LIKE '%…%'` (Prisma `contains`) is fast. The query side normalises the same way
-- (lib/search/normalize.ts). f_unaccent is an IMMUTABLE wrapper usable in expressions.
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

ALTER TABLE "Company" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION company_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := lower(f_unaccent(concat_ws(' ', NEW."name", NEW."city", NEW."siret")));
  RETURN NEW;
END $$;

CREATE TRIGGER "Company_searchText_trg" BEFORE INSERT OR UPDATE OF "name", "city", "siret" ON "Company"
  FOR EACH ROW EXECUTE FUNCTION company_search_text();

UPDATE "Company" SET "searchText" = lower(f_unaccent(concat_ws(' ', "name", "city", "siret")));

CREATE INDEX "Company_searchText_idx" ON "Company" USING GIN ("searchText" gin_trgm_ops);
