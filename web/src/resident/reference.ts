/** `HEI-7KQ4-M2X9` spelled out for screen readers: "H E I, 7 K Q 4, M 2 X 9". */
export function spelledReference(reference: string): string {
  return reference
    .split('-')
    .map((group) => group.split('').join(' '))
    .join(', ');
}
