/**
 * What identifies a call record, its call id and start (the key of the `cdrs` table), as
 * one string: a record sent twice in a request counts once, and a record already stored
 * is a duplicate.
 */
export const callRecordKey = (callId: string, startedAt: number): string => `${callId}\u0000${startedAt}`;
