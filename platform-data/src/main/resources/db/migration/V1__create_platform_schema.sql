-- Tenants, people and credentials.
CREATE TABLE tenants (
    id            UUID PRIMARY KEY,
    name          VARCHAR(63)  NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_tenants_name UNIQUE (name)
);

-- A platform admin has no tenant; every other user belongs to exactly one.
CREATE TABLE users (
    id             UUID PRIMARY KEY,
    tenant_id      UUID         REFERENCES tenants (id),
    username       VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    role           VARCHAR(32)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT ck_users_role CHECK (role IN ('PLATFORM_ADMIN', 'TENANT_ADMIN', 'DATA_SCIENTIST', 'VIEWER')),
    CONSTRAINT ck_users_tenant_for_role CHECK ((role = 'PLATFORM_ADMIN') = (tenant_id IS NULL))
);

-- Keys are shown once as am_<id>_<secret>; only the SHA-256 of the secret is kept.
CREATE TABLE api_keys (
    id             VARCHAR(32)  PRIMARY KEY,
    tenant_id      UUID         NOT NULL REFERENCES tenants (id),
    name           VARCHAR(100) NOT NULL,
    secret_sha256  BYTEA        NOT NULL,
    scopes         VARCHAR(200) NOT NULL,
    created_by     UUID         NOT NULL REFERENCES users (id),
    created_at     TIMESTAMPTZ  NOT NULL,
    revoked_at     TIMESTAMPTZ,
    CONSTRAINT ck_api_keys_secret_length CHECK (octet_length(secret_sha256) = 32)
);
CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id, created_at);

-- Content-addressed blobs, one copy per tenant and digest, counted by their referrers.
CREATE TABLE artifacts (
    tenant_id    UUID        NOT NULL REFERENCES tenants (id),
    sha256       VARCHAR(64)    NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    media_type   VARCHAR(100) NOT NULL,
    key_id       VARCHAR(64),
    content      BYTEA       NOT NULL,
    ref_count    INTEGER     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_artifacts PRIMARY KEY (tenant_id, sha256),
    CONSTRAINT ck_artifacts_ref_count CHECK (ref_count >= 0)
);

CREATE TABLE datasets (
    id                UUID PRIMARY KEY,
    tenant_id         UUID         NOT NULL REFERENCES tenants (id),
    name              VARCHAR(100) NOT NULL,
    label_column      VARCHAR(200) NOT NULL,
    artifact_sha256   VARCHAR(64)     NOT NULL,
    row_count         INTEGER      NOT NULL,
    schema_json       TEXT         NOT NULL,
    statistics_json   TEXT         NOT NULL,
    created_by        UUID         NOT NULL REFERENCES users (id),
    created_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_datasets_tenant_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_datasets_artifact FOREIGN KEY (tenant_id, artifact_sha256) REFERENCES artifacts (tenant_id, sha256)
);

-- The job queue: workers claim rows with FOR UPDATE SKIP LOCKED and hold a lease.
CREATE TABLE jobs (
    id                    UUID PRIMARY KEY,
    tenant_id             UUID         NOT NULL REFERENCES tenants (id),
    kind                  VARCHAR(32)  NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    spec_json             TEXT         NOT NULL,
    total_rounds          INTEGER      NOT NULL,
    completed_rounds      INTEGER      NOT NULL DEFAULT 0,
    checkpoint_sha256     VARCHAR(64),
    cancel_requested      BOOLEAN      NOT NULL DEFAULT FALSE,
    lease_owner           VARCHAR(200),
    lease_expires_at      TIMESTAMPTZ,
    attempt_count         INTEGER      NOT NULL DEFAULT 0,
    error_message         TEXT,
    model_version_id      UUID,
    created_by            UUID         NOT NULL REFERENCES users (id),
    created_at            TIMESTAMPTZ  NOT NULL,
    started_at            TIMESTAMPTZ,
    finished_at           TIMESTAMPTZ,
    CONSTRAINT ck_jobs_status CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    CONSTRAINT ck_jobs_rounds CHECK (completed_rounds >= 0 AND completed_rounds <= total_rounds)
);
CREATE INDEX ix_jobs_claimable ON jobs (status, created_at);
CREATE INDEX ix_jobs_tenant ON jobs (tenant_id, created_at);

-- One row per aggregated round, written in the same transaction as the checkpoint.
CREATE TABLE job_rounds (
    job_id                   UUID             NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    round_number             INTEGER          NOT NULL,
    participants_answered    INTEGER          NOT NULL,
    participants_asked       INTEGER          NOT NULL,
    mean_loss                DOUBLE PRECISION NOT NULL,
    validation_accuracy      DOUBLE PRECISION NOT NULL,
    participant_metrics_json TEXT             NOT NULL,
    duration_millis          BIGINT           NOT NULL,
    training_millis          BIGINT           NOT NULL,
    completed_at             TIMESTAMPTZ      NOT NULL,
    CONSTRAINT pk_job_rounds PRIMARY KEY (job_id, round_number)
);

CREATE TABLE models (
    id              UUID PRIMARY KEY,
    tenant_id       UUID         NOT NULL REFERENCES tenants (id),
    name            VARCHAR(100) NOT NULL,
    latest_version  INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_models_tenant_name UNIQUE (tenant_id, name)
);

CREATE TABLE model_versions (
    id                 UUID PRIMARY KEY,
    model_id           UUID        NOT NULL REFERENCES models (id),
    version            INTEGER     NOT NULL,
    job_id             UUID        REFERENCES jobs (id),
    bundle_sha256      VARCHAR(64)    NOT NULL,
    input_schema_json  TEXT        NOT NULL,
    metrics_json       TEXT        NOT NULL,
    provenance_json    TEXT        NOT NULL,
    weights_sha256     VARCHAR(64)    NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT uq_model_versions_model_version UNIQUE (model_id, version)
);

CREATE TABLE model_aliases (
    model_id     UUID        NOT NULL REFERENCES models (id),
    alias        VARCHAR(63) NOT NULL,
    version_id   UUID        NOT NULL REFERENCES model_versions (id),
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_model_aliases PRIMARY KEY (model_id, alias)
);
