-- One payment per order: the order id is unique, so however often order.placed arrives there is one row to charge.
-- Amounts are integer minor units of the currency.
CREATE TABLE payment (
    id                     uuid        PRIMARY KEY,
    order_id               uuid        NOT NULL UNIQUE,
    customer               text        NOT NULL,
    amount                 bigint      NOT NULL CHECK (amount >= 0),
    currency               char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    payment_deadline       timestamptz NOT NULL,
    created_at             timestamptz NOT NULL,
    status                 varchar(16) NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    -- The Idempotency-Key in use is the order id for generation 1 and "<order id>:<n>" after that. A new generation
    -- is only taken after the provider's list of charges for the order showed none succeeded.
    key_generation         int         NOT NULL DEFAULT 1 CHECK (key_generation >= 1),
    -- The provider answered 500 under the current key (and replays that forever): look up its charges first.
    reconciliation_needed  boolean     NOT NULL DEFAULT false,
    -- Since when a charge may have been made without an answer saying so (timeout, 409, 502-504).
    charge_uncertain_since timestamptz,
    order_cancelled        boolean     NOT NULL DEFAULT false,
    retries                int         NOT NULL DEFAULT 0,
    next_attempt_at        timestamptz NOT NULL,
    charge_id              varchar(128),
    failure_reason         varchar(32) CHECK (failure_reason IN ('PAYMENT_DECLINED', 'PAYMENT_UNAVAILABLE')),
    decline_code           varchar(64),
    updated_at             timestamptz NOT NULL,
    -- A worker's claim: no other instance takes the payment until leased_until, and only the holder of the token
    -- may record an outcome other than a charge.
    lease_token            uuid,
    leased_until           timestamptz,
    CHECK ((status = 'SUCCEEDED') = (charge_id IS NOT NULL)),
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CHECK (status = 'PENDING' OR lease_token IS NULL)
);

-- The workers' scan: only payments still to be worked on are in this index.
CREATE INDEX payment_due_idx ON payment (next_attempt_at) WHERE status = 'PENDING';

-- Every call made to the provider for a payment, in order.
CREATE TABLE payment_attempt (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id      uuid         NOT NULL REFERENCES payment (id) ON DELETE CASCADE,
    operation       varchar(16)  NOT NULL CHECK (operation IN ('CHARGE', 'LOOKUP')),
    idempotency_key varchar(100),
    outcome         varchar(32)  NOT NULL,
    http_status     int,
    duration_ms     bigint       NOT NULL,
    error           varchar(500),
    attempted_at    timestamptz  NOT NULL
);

CREATE INDEX payment_attempt_payment_idx ON payment_attempt (payment_id, id);

-- Orders known to be cancelled. An order.placed that arrives after its order's cancellation (a dead letter
-- replayed late) then records a payment that is already cancelled, and nothing is charged.
CREATE TABLE cancelled_order (
    order_id     uuid        PRIMARY KEY,
    reason       varchar(32),
    cancelled_at timestamptz NOT NULL
);

-- Inbox of the Kafka events already applied: written in the same transaction as their effect, so a redelivered
-- event changes nothing.
CREATE TABLE processed_event (
    event_id     varchar(128) PRIMARY KEY,
    event_type   varchar(128) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);
