-- pgbench script: the database work of one checkout (POST /api/orders answered 202), statement for statement and
-- transaction for transaction as the services issue it, one or two lines of quantity 1:
--   1. orders: claim the Idempotency-Key in its own transaction (IdempotencyKeys.claim);
--   2. catalog: read the current prices (GET /api/products/by-sku, no transaction);
--   3. inventory: the Reserve transaction (claim, guarded update per line in SKU order, the lines);
--   4. orders: one transaction completing the key, inserting the order, its lines, its history and the outbox
--      row (OrderPlacement.save; Spring Modulith's event_publication insert);
--   5. after the commit, Modulith marks the publication processing and, once Kafka acknowledged it, deletes it
--      (completion-mode delete).
-- Stock comes from benchmark-only rows BEN-10001..BEN-11000 so the catalog's stock is left alone; users are
-- "pgbench-N" so the rows are easy to remove. Ids come from gen_random_uuid() and are read back with \gset from
-- the statement that inserts them. Run with -M prepared, as the JDBC driver prepares statements server-side.
\set user random(1, 20)
\set lines random(1, 2)
\set sku1 random(10001, 10999)
\set sku2 random(:sku1 + 1, 11000)
\set price1 random(2, 800)
\set price2 random(2, 800)
\set lock_seconds 30
\set ttl_millis 900000
\set quantity 1
\set unit_price 2499
\set total :lines * :unit_price
-- 1. claim
BEGIN;
INSERT INTO orders.idempotency_key (user_id, key, request_hash, state, order_id, created_at, locked_until)
VALUES ('pgbench-' || :user::text, gen_random_uuid()::text,
        '5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef', 'IN_FLIGHT', gen_random_uuid(), now(),
        now() + make_interval(secs => :lock_seconds))
ON CONFLICT (user_id, key) DO NOTHING
RETURNING key, order_id
\gset
COMMIT;
-- 2. prices
\if :lines = 1
SELECT id, sku, name, description, category, price_amount, price_currency, image_url,
       created_at, updated_at, version
FROM catalog.product WHERE sku IN ('BOK-' || lpad(:price1::text, 5, '0')) ORDER BY sku;
\else
SELECT id, sku, name, description, category, price_amount, price_currency, image_url,
       created_at, updated_at, version
FROM catalog.product WHERE sku IN ('BOK-' || lpad(:price1::text, 5, '0'), 'PET-' || lpad(:price2::text, 5, '0'))
ORDER BY sku;
\endif
-- 3. reserve
BEGIN;
INSERT INTO inventory.reservation (order_id, state, expires_at)
VALUES (:order_id, 'RESERVED', now() + :ttl_millis * interval '1 millisecond')
ON CONFLICT (order_id) DO NOTHING
RETURNING expires_at
\gset
UPDATE inventory.stock SET available = available - :quantity, reserved = reserved + :quantity, updated_at = now()
WHERE sku = 'BEN-' || :sku1::text AND available >= :quantity;
\if :lines = 2
UPDATE inventory.stock SET available = available - :quantity, reserved = reserved + :quantity, updated_at = now()
WHERE sku = 'BEN-' || :sku2::text AND available >= :quantity;
\endif
INSERT INTO inventory.reservation_line (order_id, sku, quantity) VALUES (:order_id, 'BEN-' || :sku1::text, :quantity);
\if :lines = 2
INSERT INTO inventory.reservation_line (order_id, sku, quantity) VALUES (:order_id, 'BEN-' || :sku2::text, :quantity);
\endif
COMMIT;
-- 4. the order, its answer and its event
BEGIN;
UPDATE orders.idempotency_key SET state = 'COMPLETED', response_status = 202,
       response_body = '{"orderId":"' || :order_id::text || '","status":"PENDING_PAYMENT"}'
WHERE user_id = 'pgbench-' || :user::text AND key = :key AND order_id = :order_id AND state = 'IN_FLIGHT';
INSERT INTO orders.orders (id, user_id, status, cancel_reason, currency, total, placed_at, payment_deadline,
                           updated_at)
VALUES (:order_id, 'pgbench-' || :user::text, 'PENDING_PAYMENT', NULL, 'USD', :total, now(),
        now() + interval '10 minutes', now());
INSERT INTO orders.order_line (order_id, line_no, sku, quantity, unit_price)
VALUES (:order_id, 1, 'BEN-' || :sku1::text, :quantity, :unit_price);
\if :lines = 2
INSERT INTO orders.order_line (order_id, line_no, sku, quantity, unit_price)
VALUES (:order_id, 2, 'BEN-' || :sku2::text, :quantity, :unit_price);
\endif
INSERT INTO orders.order_status_change (order_id, seq, status, reason, changed_at)
VALUES (:order_id, 1, 'PENDING_PAYMENT', NULL, now());
-- An order.placed CloudEvents envelope of about the real size; its order id makes each payload distinct, as the
-- hash index on serialized_event sees it in production.
INSERT INTO orders.event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                                      completion_attempts, last_resubmission_date)
VALUES (gen_random_uuid(), 'io.shopscale.contracts.events.EventEnvelope',
        'org.springframework.modulith.events.support.DelegatingEventExternalizer.externalize(java.lang.Object)',
        now(),
        '{"specversion":"1.0","id":"' || gen_random_uuid()::text || '","source":"/shopscale/orders",'
        || '"type":"shopscale.order.placed.v1","subject":"' || :order_id::text || '",'
        || '"time":"' || now()::text || '","datacontenttype":"application/json","data":{"orderId":"'
        || :order_id::text || '","userId":"pgbench-' || :user::text || '","lines":[{"sku":"BEN-' || :sku1::text
        || '","quantity":1,"unitPrice":2499}],"total":2499,"currency":"USD","placedAt":"' || now()::text
        || '","paymentDeadline":"' || (now() + interval '10 minutes')::text || '"}}',
        'PUBLISHED', 0, NULL)
RETURNING id AS publication_id
\gset
COMMIT;
-- 5. after the commit: processing, then acknowledged by Kafka and deleted
UPDATE orders.event_publication SET status = 'PROCESSING' WHERE id = :publication_id AND status != 'PROCESSING';
DELETE FROM orders.event_publication WHERE id = :publication_id;
