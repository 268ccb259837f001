-- What a job needs of its worker: 'any', 'gpu' or 'cpu' (the spec's resources.accelerator). A
-- worker claims only jobs that ask for its accelerator or for any.
ALTER TABLE jobs ADD COLUMN accelerator VARCHAR(8) NOT NULL DEFAULT 'any';
ALTER TABLE jobs ADD CONSTRAINT ck_jobs_accelerator CHECK (accelerator IN ('any', 'gpu', 'cpu'));
