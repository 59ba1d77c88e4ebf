import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * BENCHMARKS.md is written by more than one command (`npm run bench` writes most of it,
 * `npm run chaos` its own section), so each replaces only what it measured.
 */

/** The `## ` sections of a Markdown text, by heading line, in order (the text before the first is under ''). */
export function splitSections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let heading = '';
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      out.set(heading, lines.join('\n'));
      heading = line;
      lines = [];
    }
    lines.push(line);
  }
  out.set(heading, lines.join('\n'));
  return out;
}

/** `text` with `section` (starting with its `## ` heading) in place of the section of that heading, or appended. */
export function putSection(text: string, section: string): string {
  const heading = section.split('\n', 1)[0]!;
  const parts = splitSections(text);
  parts.set(heading, section.trimEnd() + '\n');
  return joinSections(parts);
}

/** Puts `section` into the repository's BENCHMARKS.md (when it exists), replacing the one of that heading. */
export function writeBenchmarkSection(section: string): void {
  const path = new URL('../BENCHMARKS.md', import.meta.url);
  if (existsSync(path)) writeFileSync(path, putSection(readFileSync(path, 'utf8'), section));
}

/** `fresh`, followed by every section of `previous` whose heading `fresh` lacks. */
export function keepOtherSections(previous: string, fresh: string): string {
  const parts = splitSections(fresh);
  for (const [heading, body] of splitSections(previous)) if (heading !== '' && !parts.has(heading)) parts.set(heading, body.trimEnd() + '\n');
  return joinSections(parts);
}

function joinSections(parts: Map<string, string>): string {
  return [...parts.values()].map((p) => p.trimEnd()).filter(Boolean).join('\n\n') + '\n';
}
