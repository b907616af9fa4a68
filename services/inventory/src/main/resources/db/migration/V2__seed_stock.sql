-- Stock for every catalog SKU: 13 category codes x 800 numbers = 10,400 SKUs, named like the catalog's seed
-- (CODE-00001 .. CODE-00800). The amounts come from a fixed arithmetic hash, not random(), so every database gets
-- the same numbers on every PostgreSQL version. Five "hot" SKUs hold only 10 units, for flash-sale runs.
INSERT INTO stock (sku, available, reserved, sold)
SELECT sku,
       CASE WHEN sku IN ('HKT-00001', 'LGT-00001', 'ELC-00001', 'OUT-00001', 'TOY-00001') THEN 10
            ELSE 100 + ((n::bigint * 2654435761 + c.position * 40503) % 901)::integer
       END,
       0, 0
FROM unnest(ARRAY['HKT', 'LGT', 'FRN', 'ELC', 'OUT', 'APP', 'FTW', 'SPF', 'BTY', 'TOY', 'BOK', 'PET', 'GRD'])
         WITH ORDINALITY AS c (code, position)
CROSS JOIN generate_series(1, 800) AS n
CROSS JOIN LATERAL (SELECT c.code || '-' || lpad(n::text, 5, '0') AS sku) AS named
ON CONFLICT (sku) DO NOTHING;
