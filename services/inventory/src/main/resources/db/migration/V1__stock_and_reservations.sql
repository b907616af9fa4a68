-- Stock per SKU. Units only move between the three columns (reserve, release, confirm, expire), so per SKU
-- available + reserved + sold changes only when an admin restocks. The checks make overselling impossible even
-- for a statement that forgot its guard.
CREATE TABLE stock (
    sku        varchar(32) PRIMARY KEY,
    available  integer     NOT NULL CHECK (available >= 0),
    reserved   integer     NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    sold       integer     NOT NULL DEFAULT 0 CHECK (sold >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One reservation per order id; its id is the order's, which is what makes every call idempotent.
CREATE TABLE reservation (
    order_id   uuid        PRIMARY KEY,
    state      varchar(16) NOT NULL CHECK (state IN ('RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The expiry job only ever looks for live reservations that are due: a small partial index serves it however
-- many finished reservations pile up.
CREATE INDEX reservation_due_idx ON reservation (expires_at) WHERE state = 'RESERVED';

CREATE TABLE reservation_line (
    order_id uuid        NOT NULL REFERENCES reservation (order_id) ON DELETE CASCADE,
    sku      varchar(32) NOT NULL REFERENCES stock (sku),
    quantity integer     NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);

-- Inbox of the Kafka events already applied: written in the same transaction as their effect, so a redelivered
-- event changes nothing.
CREATE TABLE processed_event (
    event_id     varchar(128) PRIMARY KEY,
    event_type   varchar(128) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);
