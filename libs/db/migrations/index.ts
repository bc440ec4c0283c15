import { Migration20261122083000 } from './Migration20261122083000.js';
import { Migration20261122093000 } from './Migration20261122093000.js';
import { Migration20261122094700 } from './Migration20261122094700.js';
import { Migration20261122101500 } from './Migration20261122101500.js';
import { Migration20261122104530 } from './Migration20261122104530.js';
import { Migration20261122111500 } from './Migration20261122111500.js';
import { Migration20261122121500 } from './Migration20261122121500.js';

/** Every migration, in order. Listed explicitly so the same code runs from source and from dist. */
export const MIGRATIONS = [
  { name: 'Migration20261122083000', class: Migration20261122083000 },
  { name: 'Migration20261122093000', class: Migration20261122093000 },
  { name: 'Migration20261122094700', class: Migration20261122094700 },
  { name: 'Migration20261122101500', class: Migration20261122101500 },
  { name: 'Migration20261122104530', class: Migration20261122104530 },
  { name: 'Migration20261122111500', class: Migration20261122111500 },
  { name: 'Migration20261122121500', class: Migration20261122121500 },
];
