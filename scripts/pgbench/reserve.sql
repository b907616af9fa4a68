-- pgbench script: the database work of one inventory Reserve of 1 unit of one hot SKU, statement for statement as
-- Reservations.reserve and ReservationRepository issue it: one READ COMMITTED transaction that claims the order
-- id, takes the unit with the guarded update and writes the line. Every client hits the same stock row, like the
-- gRPC benchmark does. The service makes a fresh order id per call; here PostgreSQL does (gen_random_uuid() in
-- the claim, read back with \gset at no extra round trip). Run with -M prepared: the JDBC driver uses
-- server-side prepared statements too. BEN-00001 is a benchmark-only row (see scripts/bench-checkout.sh).
\set ttl_millis 900000
\set quantity 1
BEGIN;
INSERT INTO inventory.reservation (order_id, state, expires_at)
VALUES (gen_random_uuid(), 'RESERVED', now() + :ttl_millis * interval '1 millisecond')
ON CONFLICT (order_id) DO NOTHING
RETURNING order_id, expires_at
\gset
UPDATE inventory.stock SET available = available - :quantity, reserved = reserved + :quantity,
                           updated_at = now()
WHERE sku = 'BEN-00001' AND available >= :quantity;
INSERT INTO inventory.reservation_line (order_id, sku, quantity) VALUES (:order_id, 'BEN-00001', :quantity);
COMMIT;
