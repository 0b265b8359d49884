/** A synthetic council register CSV (Xpress-style headings) for benchmarks. */
const STREETS = [
  'High Street',
  'Mill Lane',
  'Station Road',
  'Church Road',
  'Park Avenue',
  'Victoria Road',
  'Green Lane',
  'Manor Close',
  'The Crescent',
  'Kings Road',
];
const SURNAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Wright',
  'Walker',
  'Evans',
  'Thomas',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
  'Lewis',
  'Hughes',
];
const FORENAMES = [
  'John',
  'Mary',
  'David',
  'Sarah',
  'James',
  'Emma',
  'Robert',
  'Anne',
  'Michael',
  'Helen',
  'Peter',
  'Susan',
  'Paul',
  'Claire',
  'Mark',
  'Laura',
];

export const SYNTHETIC_HEADINGS = [
  'Elector Number Prefix',
  'Elector Number',
  'Elector Number Suffix',
  'Elector Markers',
  'Elector DOB',
  'Elector Surname',
  'Elector Forename',
  'Address1',
  'Address2',
  'Address3',
  'PostCode',
];

/**
 * Rows as cells: two electors a household, 5,000 electors a polling district (AA, AB… AZ, AA1…)
 * unless `perDistrict` says otherwise.
 */
export function* syntheticRows(n: number, perDistrict = 5000): Generator<string[]> {
  for (let i = 0; i < n; i++) {
    const house = Math.floor(i / 2);
    const district = Math.floor(i / perDistrict);
    const pd = `A${String.fromCharCode(65 + (district % 26))}${Math.floor(district / 26) || ''}`;
    const street = `${STREETS[Math.floor(house / 200) % STREETS.length]} ${Math.floor(house / 2000) + 1}`.replace(/ 1$/, '');
    yield [
      pd,
      String((i % perDistrict) + 1),
      '',
      i % 37 === 0 ? 'E' : '',
      '',
      SURNAMES[(i * 7) % SURNAMES.length],
      `${FORENAMES[i % FORENAMES.length]} ${FORENAMES[(i * 5) % FORENAMES.length]}`,
      `${(house % 200) + 1} ${street}`,
      'Newtown, Kent',
      '',
      `AB${1 + (house % 50)} ${house % 9}XY`,
    ];
  }
}

const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

export function syntheticCsv(n: number, perDistrict?: number): string {
  const lines = [SYNTHETIC_HEADINGS.join(',')];
  for (const cells of syntheticRows(n, perDistrict)) lines.push(cells.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
