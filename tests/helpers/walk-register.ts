import { HEADINGS } from './register.ts';

/**
 * A register for walk sheets. District AA, in the register's own numbering: Mill Lane (houses 1 to
 * 10, both sides), Acre Road (2, 4, 6: one side; first alphabetically, walked second), Long Street
 * (130 houses, a long walk over several pages). District AB: Park Road with a named house.
 */
export function walkRegister(): string {
  const lines = [HEADINGS];
  let n = 0;
  for (let house = 1; house <= 10; house++)
    lines.push(`AA,${++n},,${house === 3 ? 'E' : ''},Mill${house},Ann,${house} Mill Lane,Newtown,AB1 ${house % 2 ? '2CD' : '2CE'}`);
  for (const house of [2, 4, 6]) lines.push(`AA,${++n},,,Acre${house},Bob,${house} Acre Road,Newtown,AB1 5EF`);
  for (let house = 1; house <= 130; house++) lines.push(`AA,${++n},,,Long${house},Cy,${house} Long Street,Newtown,AB1 7GH`);
  lines.push(
    'AB,1,,,Okafor,Chidi,10 Park Road,Newtown,AB1 4CD',
    'AB,2,,,Okafor,Ada,10 Park Road,Newtown,AB1 4CD',
    'AB,3,,,Lee,David,Rose Cottage,Park Road,AB1 4CD',
  );
  return lines.join('\r\n');
}
