-- Products: the catalog's source of truth. Prices are integer minor units with their currency.
CREATE TABLE product (
    id             uuid         PRIMARY KEY,
    sku            varchar(32)  NOT NULL UNIQUE,
    name           varchar(200) NOT NULL,
    description    text         NOT NULL,
    category       varchar(64)  NOT NULL,
    price_amount   bigint       NOT NULL CHECK (price_amount >= 0),
    price_currency char(3)      NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
    image_url      varchar(500),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    version        bigint       NOT NULL DEFAULT 0,
    -- Names weigh more than descriptions when ranking search results.
    search         tsvector     GENERATED ALWAYS AS (
                       setweight(to_tsvector('english'::regconfig, name), 'A') ||
                       setweight(to_tsvector('english'::regconfig, description), 'B')) STORED
);

CREATE INDEX product_search_idx   ON product USING gin (search);
CREATE INDEX product_name_idx     ON product (name, id);
CREATE INDEX product_price_idx    ON product (price_amount, id);
CREATE INDEX product_created_idx  ON product (created_at DESC, id);
CREATE INDEX product_category_idx ON product (category, name, id);
