-- Orders, their lines and their status history. Amounts are integer minor units of the order's currency.
CREATE TABLE orders (
    id               uuid        PRIMARY KEY,
    user_id          text        NOT NULL,
    status           varchar(20) NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED')),
    cancel_reason    varchar(32),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    total            bigint      NOT NULL CHECK (total >= 0),
    placed_at        timestamptz NOT NULL,
    payment_deadline timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL))
);

-- A user's orders, newest first.
CREATE INDEX orders_user_idx ON orders (user_id, placed_at DESC, id DESC);
-- The expiry job's scan: only orders still waiting for payment are in this index.
CREATE INDEX orders_pending_deadline_idx ON orders (payment_deadline) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE order_line (
    order_id   uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no    int         NOT NULL,
    sku        varchar(32) NOT NULL,
    quantity   int         NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price bigint      NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no),
    UNIQUE (order_id, sku)
);

CREATE TABLE order_status_change (
    order_id   uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    seq        int         NOT NULL,
    status     varchar(20) NOT NULL,
    reason     varchar(32),
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (order_id, seq)
);

-- Checkout's Idempotency-Key, per user. The order id is chosen when the key is claimed, so a retry after a crash
-- reserves stock under the same id (inventory's Reserve is idempotent by order id) and never twice.
CREATE TABLE idempotency_key (
    user_id         text         NOT NULL,
    key             varchar(255) NOT NULL,
    request_hash    char(64)     NOT NULL,
    state           varchar(16)  NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    order_id        uuid         NOT NULL,
    response_status int,
    response_body   text,
    created_at      timestamptz  NOT NULL,
    locked_until    timestamptz  NOT NULL,
    PRIMARY KEY (user_id, key),
    CHECK ((state = 'COMPLETED') = (response_status IS NOT NULL AND response_body IS NOT NULL))
);

CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
