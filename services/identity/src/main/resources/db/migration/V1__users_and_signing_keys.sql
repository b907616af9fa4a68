-- Accounts. Emails are stored normalised (trimmed, lower case, ASCII), so the unique constraint is case-insensitive.
CREATE TABLE users (
    id            uuid         PRIMARY KEY,
    email         varchar(254) NOT NULL,
    name          varchar(100) NOT NULL,
    password_hash varchar(255) NOT NULL,
    roles         text[]       NOT NULL DEFAULT ARRAY['USER']::text[],
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT users_email_unique     UNIQUE (email),
    CONSTRAINT users_email_normalised CHECK (email = lower(btrim(email))),
    CONSTRAINT users_roles_known      CHECK (roles <@ ARRAY['USER', 'ADMIN']::text[] AND 'USER' = ANY (roles))
);

-- Token signing keys. New tokens are signed with the one active key; every key not yet retired is published in the
-- JWKS, so a rotation can overlap: the new key becomes active while the old one still verifies tokens in flight.
CREATE TABLE signing_key (
    kid                    varchar(64) PRIMARY KEY,
    algorithm              varchar(16) NOT NULL CHECK (algorithm = 'RS256'),
    public_key             bytea       NOT NULL,  -- X.509 SubjectPublicKeyInfo, DER
    private_key            bytea       NOT NULL,  -- PKCS#8, DER; sealed with AES-256-GCM when protection says so
    private_key_protection varchar(16) NOT NULL CHECK (private_key_protection IN ('none', 'aes-256-gcm')),
    created_at             timestamptz NOT NULL DEFAULT now(),
    active                 boolean     NOT NULL DEFAULT true,
    retired_at             timestamptz,
    CONSTRAINT signing_key_active_not_retired CHECK (NOT (active AND retired_at IS NOT NULL))
);

-- At most one active key: two instances that start together both try to insert one, and exactly one insert wins.
CREATE UNIQUE INDEX signing_key_one_active ON signing_key ((true)) WHERE active;
