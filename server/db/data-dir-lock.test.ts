import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDataDir, DataDirInUseError, LOCK_FILE } from './data-dir-lock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkline-claim-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => join(dir, LOCK_FILE);
/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('claimDataDir', () => {
  it('names this process in the data directory until released, and refuses a second claim meanwhile', () => {
    const release = claimDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    expect(() => claimDataDir(dir)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(lockFile())).toBe(false);
    claimDataDir(dir)();
  });

  it('refuses a directory that a running process holds, naming it', () => {
    // pid 1 always runs, and is never this test.
    writeFileSync(lockFile(), '1\n');
    expect(() => claimDataDir(dir)).toThrow(`Another Trunkline server (pid 1) is using the data directory ${dir}; stop it or set DATA_DIR`);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe('1');
  });

  it('takes over at once a claim whose process has ended, or that is unreadable', () => {
    for (const stale of [`${deadPid()}\n`, '', 'not a pid']) {
      writeFileSync(lockFile(), stale);
      const release = claimDataDir(dir);
      expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
      release();
    }
  });
});
