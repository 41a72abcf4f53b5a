-- Open data (issue 15 §2): idAttribuant is required by the SCDL « subventions » schema. France
-- Travail's SIRET (130 005 481 17501, source convention) was missing from the France Travail rule
-- sets; an identification, not a rule, so it is filled in place where it was unknown.
UPDATE "RuleSet"
SET payload = jsonb_set(payload::jsonb, '{attributor,siret}', '"13000548117501"'::jsonb)
WHERE kind = 'FRANCE_TRAVAIL'
  AND payload::jsonb ? 'attributor'
  AND jsonb_typeof(payload::jsonb -> 'attributor' -> 'siret') = 'null';
