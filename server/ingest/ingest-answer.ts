import type { IngestIssue } from '../../shared/cdr.js';

/** Every refusal of a request, whichever step refused it, in the order of the sender's lines. */
export const byLine = (issues: IngestIssue[]): IngestIssue[] => issues.sort((a, b) => a.line - b.line);

/** The answer names the fields it ignored only when there were some. */
export const ignoredFields = (names: ReadonlySet<string>): { ignoredFields?: string[] } => (names.size > 0 ? { ignoredFields: [...names].sort() } : {});
