import type { SecondHalf } from './split-import';
import type { OurCases } from './incoming-cases';

/** What the dashboard and its transfer worker say to each other. */
export type HelperRequest =
  | { kind: 'write-from'; lower: string }
  | { kind: 'read-second-half'; part: Blob; key: string }
  /** Our ids and digests for the second half's sorting, null if reading them failed. */
  | { kind: 'ours'; ours: OurCases | null };

export type HelperReply =
  | { kind: 'started' }
  | { kind: 'written'; blob: Blob; count: number }
  | { kind: 'second-half'; half: SecondHalf | null }
  | { kind: 'failed'; message: string };
