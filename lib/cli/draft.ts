// Placeholder until the draft command lands; answers every record with an error rather than pretending.
export const describe = 'draft';
export function handleRecord(): object {
  throw new Error('the draft command is not built yet');
}
