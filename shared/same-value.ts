/**
 * Equal as synced JSON, for the shapes a customer holds: primitives, and lists of
 * primitives or of flat objects (contacts, IPs, SIP users, routes), whatever the key
 * order (Postgres' jsonb reorders keys). Pulled rows are new objects even when nothing
 * changed, so identity alone would miss most reuse.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameFlat(a[i], b[i])) return false;
  return true;
}

function sameFlat(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}
