import { parseArgs } from 'node:util';
import { loadConfig } from '../libs/config/config.js';
import { findStuck, stuckQueries } from '../libs/ops/stuck.js';
import { connectClient } from '../libs/temporal/connection.js';

/**
 * `npm run ops -- stuck [--json]`: the stuck hires, the same list as GET /v1/ops/stuck,
 * straight from Temporal (TEMPORAL_ADDRESS, default the local dev server).
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
const [command] = positionals;
if (command !== 'stuck') {
  console.error('usage: npm run ops -- stuck [--json]');
  process.exit(2);
}
const config = loadConfig();
const client = await connectClient(config);
try {
  const now = new Date();
  const stuck = await findStuck(client, config, { now });
  if (values.json) {
    console.log(JSON.stringify({ items: stuck, queries: stuckQueries(config, now) }, null, 2));
  } else if (stuck.length === 0) {
    console.log('no stuck hires');
  } else {
    for (const hire of stuck) {
      console.log(`${hire.since}  ${hire.reason.padEnd(17)}  ${hire.workflowId}\n    ${hire.explanation}\n    ${hire.link}`);
    }
  }
} finally {
  await client.connection.close();
}
