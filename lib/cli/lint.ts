// Placeholder until the lint command lands; answers every record with an error rather than pretending.
export const describe = 'lint';
export function handleRecord(): object {
  throw new Error('the lint command is not built yet');
}
