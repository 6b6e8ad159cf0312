-- Single-use recovery codes for two-factor sign-in, for an account whose authenticator is lost.
-- Only the SHA-256 of each (normalised) code is kept; a used code stays, with its use time.

CREATE TABLE recovery_code (
    user_id    BIGINT NOT NULL REFERENCES app_user (id),
    code_hash  VARCHAR(64) NOT NULL,
    created_at VARCHAR(30) NOT NULL,
    used_at    VARCHAR(30),
    PRIMARY KEY (user_id, code_hash)
);
