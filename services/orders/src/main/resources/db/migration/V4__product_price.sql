-- The price read model: each SKU's catalog price as orders last learnt it, from the catalog's price events or, for a
-- SKU no event has named yet, from the catalog's lookup. version is the catalog's price version (0 if the catalog
-- did not say): a row only ever moves to a higher one, so a late or repeated event never rolls a price back.
CREATE TABLE product_price (
    sku        varchar(32) PRIMARY KEY,
    amount     bigint      NOT NULL CHECK (amount >= 0),
    currency   char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    version    bigint      NOT NULL CHECK (version >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);
