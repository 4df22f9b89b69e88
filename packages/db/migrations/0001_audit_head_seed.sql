-- The audit chain starts from the genesis hash; every append locks and advances this row.
INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
