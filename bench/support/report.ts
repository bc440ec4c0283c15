import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every table and note printed so far, as Markdown, for BENCHMARKS.md. */
const markdown: string[] = [];

export function markdownSoFar(): string {
  return markdown.join('\n');
}

/** A line of conclusions under the tables, kept in the Markdown too. */
export function printNote(text: string): void {
  console.log(`\n${text}`);
  markdown.push(`${text}\n`);
}

/** Prints an aligned table; numbers are right-aligned. */
export function printTable(title: string, headers: string[], rows: (string | number | undefined)[][]): void {
  const cells = rows.map((row) => row.map((cell) => (cell === undefined ? '–' : typeof cell === 'number' ? formatNumber(cell) : cell)));
  markdown.push(
    `**${title}**\n`,
    `| ${headers.map((h) => h || ' ').join(' | ')} |`,
    `|${headers.map((_, i) => (i > 0 && rows.every((row) => row[i] === undefined || typeof row[i] === 'number') ? '---:' : '---')).join('|')}|`,
    ...cells.map((row) => `| ${row.map((cell) => cell.trim().replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
  );
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.every((row) => row[i] === undefined || typeof row[i] === 'number'));
  const line = (values: string[]) =>
    values.map((v, i) => (numeric[i] && i > 0 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export const mib = (bytes: number | undefined) => (bytes === undefined ? undefined : Math.round((bytes / 1024 / 1024) * 10) / 10);

/** Writes one benchmark's results as JSON; answers the file's path. */
export function writeResult(dir: string, name: string, result: unknown): string {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${name}-${stamp}.json`);
  const body = JSON.stringify(result, null, 2);
  writeFileSync(file, body);
  // The newest result of each benchmark under a stable name, for comparing runs and for BENCHMARKS.md.
  writeFileSync(join(dir, `${name}-latest.json`), body);
  writeFileSync(join(dir, `${name}-latest.md`), markdownSoFar());
  return file;
}

export function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}
