import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of the fault suite's summary, written by a scenario file and printed by the summary reporter. */
export interface ScenarioResult {
  order: number;
  scenario: string;
  hires: number;
  faults: number;
  /** Invariant violations found after the faults; null when the scenario ended before the check. */
  violations: number | null;
}

/** Counts what a scenario drove and broke, and leaves its row where the summary reporter reads it. */
export class ScenarioTally {
  hires = 0;
  faults = 0;
  violations: string[] | null = null;

  constructor(
    readonly order: number,
    readonly scenario: string,
  ) {}

  hire(count = 1): void {
    this.hires += count;
  }

  fault(count = 1): void {
    this.faults += count;
  }

  /** Records the row; without the reporter (a single file run by hand) there is nowhere to write it. */
  write(): void {
    const dir = process.env.HIREFLOW_FAULT_RESULTS_DIR;
    if (!dir) return;
    const result: ScenarioResult = {
      order: this.order,
      scenario: this.scenario,
      hires: this.hires,
      faults: this.faults,
      violations: this.violations?.length ?? null,
    };
    writeFileSync(join(dir, `scenario-${this.order}.json`), JSON.stringify(result));
  }
}
