-- Ensemble jobs report one progress row per trained member. A tree member has no training
-- loss, so the loss becomes optional, and the row says which member it was.
ALTER TABLE job_rounds ALTER COLUMN mean_loss DROP NOT NULL;
ALTER TABLE job_rounds ADD COLUMN member_json TEXT;
