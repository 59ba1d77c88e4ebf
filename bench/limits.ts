import type { Limits } from './report.js';

/** What limits each measurement, from the Chrome profiles taken while working on them. */
export const LIMITS: Limits = {
  store:
    'The customer records themselves: each is stored whole in Replicache\'s B-tree chunks, about 1,090 bytes as JSON (contacts ~320, IP auth ~150, routes ~140, SIP users ~40, the remaining ~440 scalar fields and property names), which Chromium\'s IndexedDB compresses to ~565 bytes; chunk keys, refs and ref counts add little. ' +
    'The 64 MB goal leaves room for about 17,000 more customers at this size; shorter records (e.g. leaving the contact and routing lists out of the synced list row) are what would move it.',
  heap:
    'A sampling heap profile after the first sync, persist and GC (163 MB sampled) puts 92 MB (~915 B per customer) in the synced customer objects parsed from the pull responses, which Replicache 15 caches with its B-tree chunks (a fixed 100 MiB cache by its own size estimate) and which our index rows reference too, so they stay in the heap whatever the cache drops; 48 MB (~475 B per customer) in our index rows (indexed-customer.ts: search text 20 MB, the IndexedCustomer objects 12 MB, id strings 6 MB, Map entries 4 MB, warnings 1.4 MB); 10 MB in Replicache\'s tree nodes and maps; and about 10 MB in React, Mantine and the page. ' +
    'The 64 MB goal cannot be met while every customer is held as a full JS object: it needs a store that keeps only the index columns in memory and reads full records per page from IndexedDB (Replicache 15 cannot lower its cache), plus smaller index rows.',
  firstSync:
    'Twenty pull pages of 5,000 customers (5.4 MB of JSON each, 109 MB in all); the server answers a page in 150–570 ms and the next page is already requested, so the device\'s main thread sets the pace: busy 6.7 s of the 8.5 s, with 2.2 s native work (mostly parsing the JSON), 1.4 s Replicache writing its B-tree, 0.6 s GC, 0.7 s building index rows (0.24 s of it parsing money in moneyToNumber), 1.0 s React and Mantine re-rendering once a second, and 0.3 s sorting. ' +
    'Smaller records on the wire, or fewer intermediate re-renders, are what would shorten it further.',
  bulkVisible:
    'Everything before the rows change runs in the Apply click\'s task: of ~150 ms to the DOM commit (profiled), ~35 ms is previewMutation running the shared mutator and its zod parse over 10,000 rows (an awaited getCustomer and putCustomer per row), 28 ms indexCustomer for the 10,000 optimistic rows, 20 ms updateSorted in the view model, 15 ms the selection helpers (snapshotEntries, selectedInView over 10,000 ids) and 35 ms React and Mantine; style, layout and paint then take another ~55 ms before the frame. ' +
    'Getting under 100 ms needs the preview to patch index rows directly (no mutator, zod or per-row await) and the selection checks skipped for 10,000 selected ids. ' +
    '"Saved on device" (13–18 s) is Replicache\'s persist: its IndexedDB transaction walks ~33,400 chunk ref counts with one sequential read each, at 2,000–3,500 reads/s while the same main thread applies the pull of this change (2 × 5.5 MB) and ~20,000 reads/s once it is free (device B does the same walk in 1.3–2 s), then writes ~19,900 keys in 0.7 s and commits in ~1 s.',
  bulkSecondClient:
    'Three steps in a row: the push leaves device A only after Replicache has run the mutator over its own B-tree (1.0–2.6 s after the click, ~0.4 s of it Replicache get/put for 10,000 rows plus GC); the server answers the 390 KB push in 0.9–2.1 s, of which the UPDATE is 0.47 s (EXPLAIN ANALYZE: it scans all 100,000 rows of the organisation through customers_name_key and filters by id = ANY); ' +
    'then device B pulls the 10,000 changed rows as two sequential pages of 5,000 (PULL_PAGE_SIZE), 5.5 MB of full records each, answered in 0.4–1.3 s per page (the query itself takes 25 ms; the rest is building and serialising records while device A pulls the same pages), and spends ~1.7 s applying them (0.5 s GC, 0.5 s JSON parse and DOM, 0.45 s Replicache). ' +
    'One pull round trip for an incremental change (a page limit in bytes, or ≥ 10,000 rows when not catching up) and a smaller pull payload for a status change would remove about 1–1.5 s; pushing without waiting for the local Replicache run would remove most of the first step.',
  search:
    'The grid, not the filter: of a median 249 ms per keystroke (profiled), the view model\'s scan of 100,000 search texts (matchCustomers/matchesAll) takes 24–44 ms, while replacing the page of 100 rows (all unmounted and mounted again, since rows are keyed by customer id) takes 57–203 ms (median 125 ms) of React and Mantine script plus 38–87 ms of style, layout and paint, and GC up to 27 ms. ' +
    'With 50 rows per page comparable keystrokes take 134–207 ms (median ~141 ms), so each rendered row costs ~2 ms; reaching 100 ms needs fewer or lighter rows: render only the rows in view (about 25 at 900 px), reuse row elements across pages instead of remounting them, or plain cells instead of Mantine components.',
  ingest: 'TODO',
  refresh: 'TODO',
  cdrToGrid: 'TODO',
};
