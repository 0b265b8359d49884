import { describe, expect, it } from 'vitest';
import { applySavedMapping, emptyMapping, mappingProblems, recogniseHeading, recogniseHeadings, toSavedMapping } from '../../shared/domain/register-columns.ts';

describe('register column headings', () => {
  it.each([
    ['Elector Number Prefix', 'pollingDistrict'],
    ['PD', 'pollingDistrict'],
    ['Polling District', 'pollingDistrict'],
    ['Elector Number', 'electorNumber'],
    ['Elector No.', 'electorNumber'],
    ['elector_number_suffix', 'suffix'],
    ['Elector Markers', 'markers'],
    ['Franchise', 'markers'],
    ['Elector DOB', 'dateOfAttainment'],
    ['Elector Name', 'fullName'],
    ['Full name', 'fullName'],
    ['Elector Surname', 'surname'],
    ['Last Name', 'surname'],
    ['Elector Forename', 'forenames'],
    ['First names', 'forenames'],
    ['Elector Middlename', 'middleNames'],
    ['Address 1', 'address1'],
    ['Address Line 2', 'address2'],
    ['ElectorAddress3', 'address3'],
    ['Qualifying Address 6', 'address6'],
    ['Address', 'address1'],
    ['PostCode', 'postcode'],
    ['Post code', 'postcode'],
    ['\uFEFFElector Number Prefix', 'pollingDistrict'],
  ])('recognises %j as %s', (heading, field) => {
    expect(recogniseHeading(heading)).toBe(field);
  });

  it.each(['Ward', 'Address 7', 'Comments', ''])('does not guess at %j', (heading) => {
    expect(recogniseHeading(heading)).toBeNull();
  });

  it('maps a typical Xpress export and lists what it ignored', () => {
    const headings = [
      'Elector Number Prefix',
      'Elector Number',
      'Elector Number Suffix',
      'Elector Markers',
      'Elector DOB',
      'Elector Name',
      'PostCode',
      'Address1',
      'Address2',
      'Address3',
      'Ward',
      'Elector Name',
    ];
    const r = recogniseHeadings(headings);
    expect(r.mapping).toMatchObject({
      pollingDistrict: 0,
      electorNumber: 1,
      suffix: 2,
      markers: 3,
      dateOfAttainment: 4,
      fullName: 5,
      postcode: 6,
      address1: 7,
      address2: 8,
      address3: 9,
      address4: null,
      surname: null,
    });
    expect(r.unrecognised).toEqual([{ column: 10, heading: 'Ward' }]);
    expect(r.duplicates).toEqual([{ column: 11, heading: 'Elector Name', field: 'fullName' }]);
    expect(mappingProblems(r.mapping, headings.length)).toEqual([]);
  });

  it('asks for an elector number and a name', () => {
    const problems = mappingProblems(emptyMapping());
    expect(problems.map((p) => p.field)).toEqual(['electorNumber', 'fullName']);
    expect(problems[0].message).toMatch(/elector number/);
  });

  it('accepts surname without full name, refuses two fields on one column or a column past the end', () => {
    const m = { ...emptyMapping(), electorNumber: 0, surname: 1, forenames: 1, postcode: 9 };
    const problems = mappingProblems(m, 3);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ field: 'forenames' });
    expect(problems[0].message).toMatch(/both read column 2/);
    expect(problems[1]).toMatchObject({ field: 'postcode' });
    expect(problems[1].message).toMatch(/column 10 is not in the file/);
  });

  it('remembers a mapping by heading, so it applies when columns move', () => {
    const first = ['No', 'Who', 'Street', 'PC'];
    const m = { ...emptyMapping(), electorNumber: 0, fullName: 1, address1: 2, postcode: 3 };
    const saved = toSavedMapping(m, first);
    expect(saved).toEqual({ electorNumber: 'No', fullName: 'Who', address1: 'Street', postcode: 'PC' });
    const next = ['PC', 'Street', 'Who', 'Extra', 'No'];
    expect(applySavedMapping(next, saved)).toMatchObject({ electorNumber: 4, fullName: 2, address1: 1, postcode: 0 });
  });

  it('lets a saved choice take a column that recognition gave to another field', () => {
    const headings = ['Elector Number', 'Name', 'Title'];
    // The user said "Title" holds the markers in their council's odd export.
    const m = applySavedMapping(headings, { markers: 'Title' });
    expect(m.markers).toBe(2);
    expect(m.title).toBeNull();
    expect(m.fullName).toBe(1);
  });

  it('falls back to recognition when the saved heading has gone', () => {
    expect(applySavedMapping(['Elector Number', 'Surname'], { fullName: 'Who' })).toMatchObject({ fullName: null, surname: 1 });
  });
});
