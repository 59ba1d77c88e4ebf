import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './formula-injection.js';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

describe('neutraliseFormula', () => {
  it('puts a quote before text starting like a formula, whatever follows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DANGEROUS), fc.string(), (start, rest) => {
        expect(neutraliseFormula(start + rest)).toBe(`'${start}${rest}`);
      }),
    );
  });

  it('leaves any other text as it is', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !DANGEROUS.some((d) => s.startsWith(d))),
        (text) => {
          expect(neutraliseFormula(text)).toBe(text);
        },
      ),
    );
  });

  it('neutralises the classic payloads', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example","Click")')).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(neutraliseFormula('@SUM(1+1)*cmd|" /C calc"!A0')).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    expect(neutraliseFormula('-12.5')).toBe(`'-12.5`);
    expect(neutraliseFormula('Acme = Telecom')).toBe('Acme = Telecom');
  });
});
