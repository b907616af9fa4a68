-- The first seed wrote "A adjustable desk lamp ..."; the generator now writes "An". Existing rows are corrected
-- here (and their version bumped, so cached copies and ETags change); a fresh database has nothing to fix.
UPDATE product
SET description = 'An ' || substr(description, 3),
    updated_at  = now(),
    version     = version + 1
WHERE description ~ '^A [aeiouAEIOU]';
