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
/** The pid a claim names: its first line. */
const claimant = () => readFileSync(lockFile(), 'utf8').split('\n')[0];
/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
/** Field 22 of /proc/<pid>/stat, read here independently of the code under test. */
const startTimeOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]!;
/** A claim file as a server on this machine writes it. */
const claim = (pid: number, boot: string, start: string) => `${pid}\nboot ${boot}\nstart ${start}\n`;

describe('claimDataDir', () => {
  it('names this process in the data directory until released, and refuses a second claim meanwhile', () => {
    const release = claimDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(claim(process.pid, bootId, startTimeOf(process.pid)));
    expect(() => claimDataDir(dir)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(lockFile())).toBe(false);
    claimDataDir(dir)();
  });

  it('refuses a directory that a running process holds, naming it', () => {
    // pid 1 always runs, and is never this test.
    const held = claim(1, bootId, startTimeOf(1));
    writeFileSync(lockFile(), held);
    expect(() => claimDataDir(dir)).toThrow(`Another Trunkline server (pid 1) is using the data directory ${dir}; stop it or set DATA_DIR`);
    expect(readFileSync(lockFile(), 'utf8')).toBe(held);
    // A claim that names only a pid (no /proc where it was made) is judged by the pid alone.
    writeFileSync(lockFile(), '1\n');
    expect(() => claimDataDir(dir)).toThrow(DataDirInUseError);
  });

  it('takes over a claim whose pid now belongs to another live process: another start time, or an earlier boot', () => {
    // After a reboot or a container restart, the pid of the old server may well be a live process's.
    const parent = process.ppid;
    const stale = [
      claim(1, bootId, String(Number(startTimeOf(1)) + 1)),
      claim(parent, bootId, String(Number(startTimeOf(parent)) + 1)),
      claim(1, 'a0a0a0a0-0000-4000-8000-000000000000', startTimeOf(1)),
    ];
    for (const text of stale) {
      writeFileSync(lockFile(), text);
      const release = claimDataDir(dir);
      expect([text, claimant()]).toEqual([text, String(process.pid)]);
      release();
    }
  });

  it('takes over at once a claim whose process has ended, or that is unreadable', () => {
    for (const stale of [`${deadPid()}\n`, '', 'not a pid']) {
      writeFileSync(lockFile(), stale);
      const release = claimDataDir(dir);
      expect(claimant()).toBe(String(process.pid));
      release();
    }
  });
});
