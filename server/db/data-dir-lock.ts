import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the data directory that names the process using it. */
export const LOCK_FILE = 'trunkline.pid';

/** Lock files this process holds: a second claim of one from here is refused too. */
const claimedHere = new Set<string>();

/** Another live process is using the data directory. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

/** What a claim file says of the process that made it. */
interface Claim {
  pid: number;
  /** The kernel's boot id when it was made: a claim of an earlier boot is stale whatever its pid. */
  bootId?: string;
  /** The process's start time (in clock ticks since boot): tells it from a later process given the same pid. */
  startTime?: string;
}

/**
 * Claims the embedded database's data directory for this process, so two servers never
 * open it together (PGlite has no guard of its own: both would write, and corrupt it).
 * The claim is a file naming this process, created atomically (a hard link, which fails
 * if the name exists). A claim whose process no longer runs (killed, crashed, or before a
 * reboot) is stale and taken over at once. A pid alone cannot tell: after a restart of the
 * machine or container it may well belong to another live process. So the claim also
 * records the kernel's boot id and the process's start time, and it is live only while
 * both match (where /proc is missing, as on macOS, the pid alone decides). Returns the
 * release function.
 *
 * Hand-written rather than `proper-lockfile`: that library judges a lock stale by its age,
 * so a server restarted right after a crash would have to wait the stale period out, and
 * it cannot say which process holds the directory.
 */
export function claimDataDir(dir: string): () => void {
  const lock = join(dir, LOCK_FILE);
  if (claimedHere.has(lock)) throw new DataDirInUseError(`This server has the data directory ${dir} open already.`);
  const mine = `${lock}.${process.pid}.new`;
  writeFileSync(mine, claimText(process.pid));
  try {
    // A few rounds: each lost race (another process claiming or clearing meanwhile) is looked at again.
    for (let round = 0; round < 5; round++) {
      try {
        linkSync(mine, lock);
        claimedHere.add(lock);
        return () => {
          claimedHere.delete(lock);
          if (claimOf(lock)?.pid === process.pid) unlinkSync(lock);
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = claimOf(lock);
      if (owner !== undefined && owner.pid !== process.pid && isLive(owner)) {
        throw new DataDirInUseError(`Another Trunkline server (pid ${owner.pid}) is using the data directory ${dir}; stop it or set DATA_DIR to another directory.`);
      }
      clearStale(lock, owner);
    }
    throw new Error(`Could not claim the data directory ${dir}: other processes keep claiming it.`);
  } finally {
    unlinkSync(mine);
  }
}

/**
 * Moves a stale claim aside and deletes it. Should another process have replaced it by a
 * claim of its own in the meantime, that claim is what was moved: it is put back.
 */
function clearStale(lock: string, stale: Claim | undefined): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    renameSync(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = claimOf(aside);
  if (moved !== undefined && !sameClaim(moved, stale) && isLive(moved)) {
    try {
      linkSync(aside, lock);
    } catch {
      // A third process claimed it meanwhile; the next round looks at that claim.
    }
  }
  unlinkSync(aside);
}

/** The text of a claim by process `pid`: its pid on the first line, then what /proc tells of it. */
function claimText(pid: number): string {
  const bootId = currentBootId();
  const startTime = startTimeOf(pid);
  return `${pid}\n${bootId ? `boot ${bootId}\n` : ''}${startTime ? `start ${startTime}\n` : ''}`;
}

/** The claim a file holds, or undefined when it is gone or unreadable (a write cut short). */
function claimOf(file: string): Claim | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const [first, ...rest] = text.split('\n');
  const pid = Number(first?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const field = (name: string) => rest.find((line) => line.startsWith(`${name} `))?.slice(name.length + 1).trim() || undefined;
  return { pid, bootId: field('boot'), startTime: field('start') };
}

function sameClaim(a: Claim, b: Claim | undefined): boolean {
  return b !== undefined && a.pid === b.pid && a.bootId === b.bootId && a.startTime === b.startTime;
}

/**
 * True while the process that made `claim` runs: same boot, and the process with its pid
 * started when it did. What /proc cannot tell (no /proc, a claim without those fields, a
 * process /proc hides) the pid decides.
 */
function isLive(claim: Claim): boolean {
  const bootId = currentBootId();
  if (bootId !== undefined && claim.bootId !== undefined && claim.bootId !== bootId) return false;
  if (bootId !== undefined && claim.startTime !== undefined) {
    const startTime = startTimeOf(claim.pid);
    if (startTime !== undefined) return startTime === claim.startTime;
  }
  return isRunning(claim.pid);
}

/** This boot's id (Linux), or undefined without /proc. */
function currentBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * When the process `pid` started, in clock ticks since boot: field 22 of /proc/<pid>/stat,
 * counted after the `)` that ends the command name (which may itself hold spaces and
 * parentheses). Undefined when there is no such process or no /proc.
 */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After ") " come the fields from the third (state) on: the 22nd is the 20th of them.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
