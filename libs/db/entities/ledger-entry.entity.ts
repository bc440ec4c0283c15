import { defineEntity, p } from '@mikro-orm/core';

export type LedgerKind = 'grant' | 'purchase' | 'charge' | 'refund';

/** The Connects ledger is append-only: every grant, purchase, charge and refund is a row. */
const LedgerEntrySchema = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entries',
  properties: {
    id: p.uuid().primary(),
    accountId: p.uuid().index(),
    kind: p.string().$type<LedgerKind>(),
    /** Signed: positive for grants, purchases and refunds, negative for charges. */
    amount: p.integer(),
    balanceAfter: p.integer(),
    reason: p.string(),
    /** A retried charge or refund carries the same key and is written once. */
    idempotencyKey: p.string().unique(),
    jobId: p.uuid().nullable(),
    proposalId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class LedgerEntry extends LedgerEntrySchema.class {}
LedgerEntrySchema.setClass(LedgerEntry);
export { LedgerEntrySchema };
