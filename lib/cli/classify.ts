// Placeholder until the classify command lands; answers every record with an error rather than pretending.
export const describe = 'classify';
export function handleRecord(): object {
  throw new Error('the classify command is not built yet');
}
