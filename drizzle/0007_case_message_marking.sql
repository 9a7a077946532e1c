-- custom: issue 9 item 3 (ADR 0015). A case message is never more open than its thread, and every
-- thread is TLP:AMBER+STRICT, so messages stored as AMBER (which opened them to the vendors' clients)
-- are narrowed, and so are the outbox events that announce them (Last-Event-ID replays read the
-- outbox). Audit entries keep their marking: the hash chain covers it (ADR 0004).
UPDATE "case_messages" m SET "tlp" = t."tlp" FROM "case_threads" t WHERE m."thread_id" = t."id" AND m."tlp" = 'AMBER' AND t."tlp" = 'AMBER+STRICT';--> statement-breakpoint
UPDATE "outbox" o SET "tlp" = 'AMBER+STRICT' FROM "case_messages" m WHERE o."record_type" = 'case_message' AND o."record_id" = m."id"::text AND o."tlp" = 'AMBER' AND m."tlp" = 'AMBER+STRICT';
