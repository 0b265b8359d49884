/** "1 elector", "1,234 electors", "2 canvass returns", "3 copies" (with `many` for an irregular plural). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
