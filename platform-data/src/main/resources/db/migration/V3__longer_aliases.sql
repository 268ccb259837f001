-- An alias follows the model-name rule, 1 to 100 characters, which the API checks; the column
-- held only 63, so a longer alias passed every check and then failed to be stored.
ALTER TABLE model_aliases ALTER COLUMN alias TYPE VARCHAR(100);
