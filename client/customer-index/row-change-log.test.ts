import { describe, expect, it } from 'vitest';
import { testRow } from './customer-test-rows.js';
import { RowChangeLog } from './row-change-log.js';

const a1 = testRow(1);
const a2 = testRow(1, { status: 'inactive' });
const a3 = testRow(1, { status: 'penalty' });
const b1 = testRow(2);

describe('RowChangeLog', () => {
  it('files the changes recorded since the last seal under a version, the first "before" counting', () => {
    const log = new RowChangeLog();
    log.seal(1, false);
    log.record(a1.id, a1, a2);
    log.record(a1.id, a2, a3);
    log.record(b1.id, undefined, b1);
    log.seal(2);
    expect(log.between(1, 2)).toEqual(
      new Map([
        [a1.id, { before: a1, after: a3 }],
        [b1.id, { before: undefined, after: b1 }],
      ]),
    );
  });

  it('merges several versions into one change per row', () => {
    const log = new RowChangeLog();
    log.seal(1, false);
    log.record(a1.id, a1, a2);
    log.seal(2);
    log.record(a1.id, a2, a3);
    log.record(b1.id, b1, undefined);
    log.seal(3);
    expect(log.between(1, 3)).toEqual(
      new Map([
        [a1.id, { before: a1, after: a3 }],
        [b1.id, { before: b1, after: undefined }],
      ]),
    );
    expect(log.between(2, 3)!.get(a1.id)).toEqual({ before: a2, after: a3 });
    expect(log.between(3, 3)!.size).toBe(0);
  });

  it('says "unknown" for the first load, for versions it no longer keeps and for the future', () => {
    const log = new RowChangeLog(2);
    log.seal(1, false);
    expect(log.between(0, 1)).toBeNull();
    for (let v = 2; v <= 5; v++) {
      log.record(a1.id, a1, a2);
      log.seal(v);
    }
    expect(log.between(2, 5)).toBeNull();
    expect(log.between(3, 5)).not.toBeNull();
    expect(log.between(5, 4)).toBeNull();
  });

  it('drops old versions once too many changed rows are kept, so old rows can be freed', () => {
    const log = new RowChangeLog(64, 3);
    log.seal(1, false);
    for (let n = 0; n < 4; n++) log.record(testRow(n).id, undefined, testRow(n));
    log.seal(2);
    log.record(a1.id, a1, a2);
    log.seal(3);
    expect(log.between(1, 3)).toBeNull();
    expect(log.between(2, 3)!.size).toBe(1);
  });

  it('forgets everything on clear', () => {
    const log = new RowChangeLog();
    log.seal(1, false);
    log.record(a1.id, a1, a2);
    log.seal(2);
    log.record(b1.id, b1, undefined);
    log.clear();
    expect(log.between(1, 2)).toBeNull();
    log.seal(3);
    expect(log.between(2, 3)!.size).toBe(0);
  });
});
