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

/**
 * Claims the embedded database's data directory for this process, so two servers never
 * open it together (PGlite has no guard of its own: both would write, and corrupt it).
 * The claim is a file naming this process, created atomically (a hard link, which fails
 * if the name exists). A claim whose process no longer runs (killed, crashed, or an earlier
 * run that had this very pid, as in a restarted container) is stale and taken over at once.
 * Returns the release function.
 *
 * Hand-written rather than `proper-lockfile`: that library judges a lock stale by its age,
 * so a server restarted right after a crash would have to wait the stale period out, and
 * it cannot say which process holds the directory.
 */
export function claimDataDir(dir: string): () => void {
  const lock = join(dir, LOCK_FILE);
  if (claimedHere.has(lock)) throw new DataDirInUseError(`This server has the data directory ${dir} open already.`);
  const mine = `${lock}.${process.pid}.new`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    // A few rounds: each lost race (another process claiming or clearing meanwhile) is looked at again.
    for (let round = 0; round < 5; round++) {
      try {
        linkSync(mine, lock);
        claimedHere.add(lock);
        return () => {
          claimedHere.delete(lock);
          if (ownerOf(lock) === process.pid) unlinkSync(lock);
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = ownerOf(lock);
      if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
        throw new DataDirInUseError(`Another Trunkline server (pid ${owner}) is using the data directory ${dir}; stop it or set DATA_DIR to another directory.`);
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
function clearStale(lock: string, staleOwner: number | undefined): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    renameSync(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = ownerOf(aside);
  if (moved !== undefined && moved !== staleOwner && isRunning(moved)) {
    try {
      linkSync(aside, lock);
    } catch {
      // A third process claimed it meanwhile; the next round looks at that claim.
    }
  }
  unlinkSync(aside);
}

/** The pid a claim names, or undefined when it is gone or unreadable (a write cut short). */
function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
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
