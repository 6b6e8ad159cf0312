-- Password reset by e-mail and two-factor sign-in (issue 8).
-- A reset token is stored only as its SHA-256; the TOTP secret must be readable to check codes.

ALTER TABLE app_user ADD COLUMN email VARCHAR(254);
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(64);

CREATE TABLE password_reset (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES app_user (id),
    created_at VARCHAR(30) NOT NULL,
    expires_at VARCHAR(30) NOT NULL,
    used_at    VARCHAR(30)
);
CREATE INDEX password_reset_by_user ON password_reset (user_id);
