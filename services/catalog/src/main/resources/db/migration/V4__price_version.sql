-- A product's price version: 1 for the price it was created with, one more with every price change. Price events
-- carry it, so their readers keep the newest price whatever order the events reach them in.
ALTER TABLE product ADD COLUMN price_version bigint NOT NULL DEFAULT 1 CHECK (price_version >= 1);
