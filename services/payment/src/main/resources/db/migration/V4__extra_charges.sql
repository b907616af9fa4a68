-- Charges the provider made for an order beyond the one its payment recorded: the order was charged twice (found by
-- a lookup that lists more than one, or by an answer that arrives after another charge was recorded). Each is owed
-- back and refunded on its own, under the key refund:<charge id>, until the provider confirms the refund.
CREATE TABLE extra_charge (
    charge_id       varchar(128) PRIMARY KEY,
    payment_id      uuid         NOT NULL REFERENCES payment (id),
    order_id        uuid         NOT NULL,
    found_at        timestamptz  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    -- Set by the claim of a refund attempt; other instances leave the row alone until then.
    leased_until    timestamptz,
    refund_id       varchar(128),
    refunded_at     timestamptz,
    CHECK ((refund_id IS NULL) = (refunded_at IS NULL))
);

-- The refund job's scan: only charges still owed back are in this index.
CREATE INDEX extra_charge_due_idx ON extra_charge (next_attempt_at) WHERE refunded_at IS NULL;

-- Refund attempts of extra charges are recorded under keys refund:<charge id>, longer than the keys so far.
ALTER TABLE payment_attempt ALTER COLUMN idempotency_key TYPE varchar(160);
