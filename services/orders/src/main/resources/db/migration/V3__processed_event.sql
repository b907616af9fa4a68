-- The inbox: ids of payment events already applied, written in the transaction that applies them, so a
-- redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     varchar(128) PRIMARY KEY,
    event_type   varchar(64)  NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
