import type { ReviewLogRow } from '../srs/types.ts';

/**
 * The identity of a review written before reviews had one (backup version 1, schema 2): item,
 * moment and its place among the rows with both in the file. Deterministic, so the same old
 * review read on two devices is recognised as one; two answers in one millisecond stay two.
 */
export function legacyLogUid(row: Pick<ReviewLogRow, 'itemId' | 'reviewedAt'>, occurrence: number): string {
  return `legacy:${row.itemId}@${row.reviewedAt}#${occurrence}`;
}
