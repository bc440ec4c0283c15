import { defineEntity, p } from '@mikro-orm/core';

export type AccountRole = 'client' | 'freelancer' | 'ops';

const AccountSchema = defineEntity({
  name: 'Account',
  tableName: 'accounts',
  properties: {
    id: p.uuid().primary(),
    role: p.string().$type<AccountRole>(),
    displayName: p.string(),
    skills: p.json<string[]>(),
    /** Kept beside the ledger so a conditional UPDATE can refuse overspending atomically. */
    connectsBalance: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Account extends AccountSchema.class {}
AccountSchema.setClass(Account);
export { AccountSchema };
