import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Prints the fault suite's summary after the run: per scenario, the hires it drove, the
 * faults it injected and the invariant violations found afterwards. Scenario files write their
 * rows into a folder this reporter makes; the tests run in this process (or in workers it
 * spawns later), so they find the folder in the environment.
 */
export default class FaultSummaryReporter {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'hireflow-faults-'));
    process.env.HIREFLOW_FAULT_RESULTS_DIR = this.dir;
  }

  onRunComplete(_contexts, results) {
    const rows = readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(this.dir, name), 'utf8')))
      .sort((a, b) => a.order - b.order);
    rmSync(this.dir, { recursive: true, force: true });
    const table = [
      ['scenario', 'hires driven', 'faults injected', 'invariant violations'],
      ...rows.map((r) => [r.scenario, String(r.hires), String(r.faults), r.violations === null ? 'not checked' : String(r.violations)]),
    ];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    const line = (row) => `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
    const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
    const total = rows.reduce((sum, r) => sum + (r.violations ?? 0), 0);
    const unchecked = rows.filter((r) => r.violations === null).length;
    process.stdout.write(
      [
        '',
        'Fault suite summary',
        line(table[0]),
        rule,
        ...table.slice(1).map(line),
        '',
        `${rows.length} scenario(s); ${total} invariant violation(s)${unchecked ? `; ${unchecked} scenario(s) ended before their check` : ''}; ` +
          `${results.numFailedTests} failed test(s) in ${((Date.now() - results.startTime) / 1000).toFixed(0)} s`,
        '',
      ].join('\n'),
    );
  }
}
