import { describe, expect, it } from 'vitest';
import { keepOtherSections, putSection } from './markdown-sections.js';

const doc = '# Benchmarks\n\nintro\n\n## Machine\n\n- CPU\n\n## Chaos run\n\nold chaos\n';

describe('BENCHMARKS.md sections', () => {
  it('replaces one section and keeps the others in place', () => {
    const next = putSection(doc, '## Chaos run\n\nnew chaos\n');
    expect(next).toBe('# Benchmarks\n\nintro\n\n## Machine\n\n- CPU\n\n## Chaos run\n\nnew chaos\n');
  });

  it('appends a section the text lacks', () => {
    expect(putSection('# Benchmarks\n', '## Chaos run\n\nx')).toBe('# Benchmarks\n\n## Chaos run\n\nx\n');
  });

  it('keeps sections of the previous file that a new report does not write', () => {
    const fresh = '# Benchmarks\n\nnew intro\n\n## Machine\n\n- new CPU\n';
    expect(keepOtherSections(doc, fresh)).toBe('# Benchmarks\n\nnew intro\n\n## Machine\n\n- new CPU\n\n## Chaos run\n\nold chaos\n');
  });
});
