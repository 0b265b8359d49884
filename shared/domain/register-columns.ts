/**
 * Column headings of a council electoral register export (domain notes §9).
 *
 * Councils' software (Xpress, Idox Eros, Democracy, Halarose…) all export a CSV with one elector a
 * line, but the headings differ: `Elector Number Prefix`, `PD`, `Elector Surname`, `Address 1`,
 * `PostCode`… This module recognises the usual spellings, says which required fields are still
 * unmapped, and re-applies a mapping the user saved for last year's file.
 */

export const REGISTER_FIELDS = [
  'pollingDistrict',
  'electorNumber',
  'suffix',
  'markers',
  'dateOfAttainment',
  'title',
  'fullName',
  'surname',
  'forenames',
  'middleNames',
  'address1',
  'address2',
  'address3',
  'address4',
  'address5',
  'address6',
  'postcode',
  'alteration',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export const ADDRESS_FIELDS = ['address1', 'address2', 'address3', 'address4', 'address5', 'address6'] as const;

export const REGISTER_FIELD_LABELS: Record<RegisterField, string> = {
  pollingDistrict: 'Elector number prefix (polling district)',
  electorNumber: 'Elector number',
  suffix: 'Elector number suffix',
  markers: 'Markers',
  dateOfAttainment: 'Date of attainment / birth',
  title: 'Title',
  fullName: 'Full name',
  surname: 'Surname',
  forenames: 'Forenames',
  middleNames: 'Middle names',
  address1: 'Address line 1',
  address2: 'Address line 2',
  address3: 'Address line 3',
  address4: 'Address line 4',
  address5: 'Address line 5',
  address6: 'Address line 6',
  postcode: 'Postcode',
  alteration: 'Change (on notices of alteration)',
};

/** Field → column index in the file, or null when the file has no such column. */
export type ColumnMapping = Record<RegisterField, number | null>;

/** Headings reduced to lower-case letters and digits, so `Elector No.` and `elector_no` agree. */
export function normaliseHeading(heading: string): string {
  return heading
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const NUMBERED_ADDRESS = /^(?:elector|qualifying|property|registered|reg)?(?:address|addr|add)(?:line)?([1-6])$/;

const SYNONYMS: Record<Exclude<RegisterField, (typeof ADDRESS_FIELDS)[number]>, readonly string[]> = {
  pollingDistrict: [
    'electornumberprefix',
    'electornoprefix',
    'electnoprefix',
    'enoprefix',
    'prefix',
    'pdcode',
    'pd',
    'pollingdistrict',
    'pollingdistrictcode',
    'pollingdistrictref',
    'district',
    'pdref',
  ],
  electorNumber: ['electornumber', 'electorno', 'electno', 'eno', 'number', 'no', 'electornum', 'rollno', 'rollnumber', 'electorref'],
  suffix: ['electornumbersuffix', 'electornosuffix', 'electnosuffix', 'enosuffix', 'suffix', 'electorsuffix'],
  markers: ['electormarkers', 'electormarker', 'markers', 'marker', 'franchise', 'franchisemarker', 'franchiseflag', 'flags'],
  dateOfAttainment: ['electordob', 'dob', 'dateofbirth', 'dateofattainment', 'attainmentdate', 'electordateofattainment', 'attainment'],
  title: ['electortitle', 'title'],
  fullName: ['electorname', 'name', 'fullname', 'electorfullname', 'names', 'electornames'],
  surname: ['electorsurname', 'surname', 'lastname', 'familyname', 'electorlastname'],
  forenames: ['electorforename', 'electorforenames', 'forename', 'forenames', 'firstname', 'firstnames', 'givenname', 'givennames', 'electorfirstname'],
  middleNames: ['electormiddlename', 'electormiddlenames', 'middlename', 'middlenames', 'initials', 'electorinitials'],
  alteration: ['changetype', 'change', 'alteration', 'alterationtype', 'typeofchange', 'noticetype', 'changecode', 'action', 'amendmenttype'],
  postcode: ['postcode', 'pc', 'electorpostcode', 'postalcode', 'pcode', 'postcodeaddress', 'propertypostcode', 'qualifyingpostcode'],
};

const LOOKUP = new Map<string, RegisterField>();
for (const [field, names] of Object.entries(SYNONYMS) as [RegisterField, readonly string[]][]) {
  for (const n of names) LOOKUP.set(n, field);
}

/** The field a single heading stands for, or null when it is not one we know. */
export function recogniseHeading(heading: string): RegisterField | null {
  const h = normaliseHeading(heading);
  if (h === '') return null;
  const known = LOOKUP.get(h);
  if (known) return known;
  const m = NUMBERED_ADDRESS.exec(h);
  if (m) return `address${m[1]}` as RegisterField;
  if (h === 'address' || h === 'electoraddress' || h === 'qualifyingaddress') return 'address1';
  return null;
}

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(REGISTER_FIELDS.map((f) => [f, null])) as ColumnMapping;
}

export interface Recognition {
  mapping: ColumnMapping;
  /** Headings we did not recognise (their columns are ignored unless the user maps them). */
  unrecognised: { column: number; heading: string }[];
  /** Headings that name a field already taken by an earlier column. */
  duplicates: { column: number; heading: string; field: RegisterField }[];
}

/** Maps each recognised heading to its field; the first column naming a field wins. */
export function recogniseHeadings(headings: readonly string[]): Recognition {
  const mapping = emptyMapping();
  const unrecognised: Recognition['unrecognised'] = [];
  const duplicates: Recognition['duplicates'] = [];
  headings.forEach((heading, column) => {
    if (heading.trim() === '') return;
    const field = recogniseHeading(heading);
    if (field === null) unrecognised.push({ column, heading });
    else if (mapping[field] !== null) duplicates.push({ column, heading, field });
    else mapping[field] = column;
  });
  return { mapping, unrecognised, duplicates };
}

export interface MappingProblem {
  field: RegisterField;
  message: string;
}

/**
 * What is missing or contradictory in a mapping. An elector number is required (on its own it
 * may hold the whole `AB-123/1`, otherwise with a prefix column), and a name: either full name
 * or surname (forenames optional). Two fields may not read the same column.
 */
export function mappingProblems(mapping: ColumnMapping, columnCount?: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.electorNumber === null) {
    problems.push({ field: 'electorNumber', message: 'Choose the column holding the elector number' });
  }
  if (mapping.fullName === null && mapping.surname === null) {
    problems.push({ field: 'fullName', message: 'Choose the column holding the full name, or the surname column' });
  }
  if (mapping.suffix !== null && mapping.electorNumber === null) {
    problems.push({ field: 'suffix', message: 'A suffix column needs an elector number column too' });
  }
  const seen = new Map<number, RegisterField>();
  for (const field of REGISTER_FIELDS) {
    const col = mapping[field];
    if (col === null) continue;
    if (!Number.isInteger(col) || col < 0 || (columnCount !== undefined && col >= columnCount)) {
      problems.push({ field, message: `${REGISTER_FIELD_LABELS[field]}: column ${col + 1} is not in the file` });
      continue;
    }
    const other = seen.get(col);
    if (other) {
      problems.push({
        field,
        message: `${REGISTER_FIELD_LABELS[field]} and ${REGISTER_FIELD_LABELS[other]} both read column ${col + 1}; choose one`,
      });
    } else seen.set(col, field);
  }
  return problems;
}

/** A mapping as the user saved it: field → heading text, so it survives columns moving about. */
export type SavedMapping = Partial<Record<RegisterField, string>>;

export function toSavedMapping(mapping: ColumnMapping, headings: readonly string[]): SavedMapping {
  const saved: SavedMapping = {};
  for (const field of REGISTER_FIELDS) {
    const col = mapping[field];
    if (col !== null && headings[col] !== undefined) saved[field] = headings[col];
  }
  return saved;
}

/**
 * The mapping for a new file: the saved choices whose headings are still present, the automatic
 * recognition for the rest. A saved heading that is gone leaves its field to recognition.
 */
export function applySavedMapping(headings: readonly string[], saved: SavedMapping | null): ColumnMapping {
  const { mapping } = recogniseHeadings(headings);
  if (!saved) return mapping;
  const byHeading = new Map<string, number>();
  headings.forEach((h, i) => {
    const key = normaliseHeading(h);
    if (!byHeading.has(key)) byHeading.set(key, i);
  });
  const result = { ...mapping };
  for (const field of REGISTER_FIELDS) {
    const heading = saved[field];
    if (heading === undefined) continue;
    const col = byHeading.get(normaliseHeading(heading));
    if (col === undefined) continue;
    // The saved choice wins; whichever field recognition had given that column gives it up.
    for (const other of REGISTER_FIELDS) if (result[other] === col) result[other] = null;
    result[field] = col;
  }
  return result;
}
