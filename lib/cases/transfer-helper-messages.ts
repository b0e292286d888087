/** What the dashboard and its transfer worker say to each other. */
export type HelperRequest = { kind: 'write-from'; lower: string };

export type HelperReply =
  | { kind: 'started' }
  | { kind: 'written'; blob: Blob; count: number }
  | { kind: 'failed'; message: string };
