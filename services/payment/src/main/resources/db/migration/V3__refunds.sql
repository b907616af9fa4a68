-- A charge that nobody will pay for (its order was cancelled, or the payment had been given up) is refunded:
-- REFUNDING is work for the workers, claimed by the same due scan and lease as PENDING, until the provider confirms
-- the refund (REFUNDED, final). The charge's id stays on the payment throughout.
ALTER TABLE payment
    -- The provider's id for the refund, once it confirmed it.
    ADD COLUMN refund_id varchar(128),
    -- Written ahead by the claim of a pending payment: from then until its go stores the provider's answer a charge
    -- may be under way. Found still set by the next claim, it was a worker that died with its call unanswered, and
    -- becomes charge_uncertain_since (a lost answer), so the payment is looked up before it is ever given up.
    ADD COLUMN charge_started_at timestamptz,
    DROP CONSTRAINT payment_status_check,
    ADD CONSTRAINT payment_status_check
        CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'REFUNDING', 'REFUNDED')),
    -- Was: (status = 'SUCCEEDED') = (charge_id IS NOT NULL).
    DROP CONSTRAINT payment_check,
    ADD CONSTRAINT payment_charge_check
        CHECK ((status IN ('SUCCEEDED', 'REFUNDING', 'REFUNDED')) = (charge_id IS NOT NULL)),
    ADD CONSTRAINT payment_refund_check CHECK ((status = 'REFUNDED') = (refund_id IS NOT NULL)),
    -- Was: status = 'PENDING' OR lease_token IS NULL.
    DROP CONSTRAINT payment_check2,
    ADD CONSTRAINT payment_lease_check CHECK (status IN ('PENDING', 'REFUNDING') OR lease_token IS NULL),
    ADD CONSTRAINT payment_charge_started_check CHECK (status = 'PENDING' OR charge_started_at IS NULL);

-- The workers' scan: only payments still to be worked on are in this index.
DROP INDEX payment_due_idx;
CREATE INDEX payment_due_idx ON payment (next_attempt_at) WHERE status IN ('PENDING', 'REFUNDING');

ALTER TABLE payment_attempt
    DROP CONSTRAINT payment_attempt_operation_check,
    ADD CONSTRAINT payment_attempt_operation_check CHECK (operation IN ('CHARGE', 'LOOKUP', 'REFUND'));
