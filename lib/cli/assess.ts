// Placeholder until the assess command lands; answers every record with an error rather than pretending.
export const describe = 'assess';
export function handleRecord(): object {
  throw new Error('the assess command is not built yet');
}
