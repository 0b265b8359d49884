import { describe, expect, it } from 'vitest';
import {
  describeImprintGaps,
  imprintGaps,
  imprintText,
  imprintWarnings,
  isImprintComplete,
  readinessProblem,
  type Imprint,
} from '../../shared/domain/imprint.ts';
import { fullImprint } from '../fixtures/imprint.ts';

const full = fullImprint;

describe('imprint completeness', () => {
  it('accepts a full printed imprint', () => {
    expect(imprintGaps(full)).toEqual([]);
    expect(isImprintComplete(full)).toBe(true);
    expect(describeImprintGaps(full)).toBeNull();
    expect(readinessProblem(full)).toBeNull();
  });

  it('names each missing part, in reading order', () => {
    const gaps = imprintGaps({ ...full, printerAddress: '  ', promoterName: null, onBehalfOfAddress: '' });
    expect(gaps.map((g) => g.field)).toEqual(['printerAddress', 'promoterName', 'onBehalfOfAddress']);
    expect(gaps[0].message).toMatch(/printer's address/);
    expect(gaps[1].message).toMatch(/promoter's name/);
    expect(gaps[2].message).toMatch(/address of the person or party it is published for/);
  });

  it('treats whitespace-only text as missing', () => {
    expect(isImprintComplete({ ...full, printerName: ' \n\t' })).toBe(false);
  });

  it('needs nobody else when the promoter publishes on their own behalf', () => {
    const own = { ...full, onBehalfOfPromoter: true, onBehalfOfName: null, onBehalfOfAddress: null };
    expect(isImprintComplete(own)).toBe(true);
  });

  it('needs the person it is published for otherwise', () => {
    const gaps = imprintGaps({ ...full, onBehalfOfName: null, onBehalfOfAddress: null });
    expect(gaps.map((g) => g.field)).toEqual(['onBehalfOfName', 'onBehalfOfAddress']);
  });

  it('does not need a printer on digital material', () => {
    const digital = { ...full, printerName: null, printerAddress: null };
    expect(isImprintComplete(digital, 'digital')).toBe(true);
    expect(isImprintComplete(digital, 'printed')).toBe(false);
  });

  it('lists everything missing from an empty imprint in one sentence', () => {
    const empty: Imprint = {
      printerName: null,
      printerAddress: null,
      promoterName: null,
      promoterAddress: null,
      onBehalfOfPromoter: false,
      onBehalfOfName: null,
      onBehalfOfAddress: null,
    };
    expect(imprintGaps(empty)).toHaveLength(6);
    expect(describeImprintGaps(empty)).toBe(
      "Imprint incomplete: add the printer's name, the printer's address, the promoter's name, the promoter's address, the name of the person or party it is published for and the address of the person or party it is published for.",
    );
    expect(describeImprintGaps({ ...full, printerName: '' })).toBe("Imprint incomplete: add the printer's name.");
    expect(readinessProblem(empty)).toMatch(/cannot be marked ready/);
  });

  it('warns, without blocking, about an address with no postcode', () => {
    const noPostcode = { ...full, promoterAddress: '2 High Street, Exampleton' };
    expect(isImprintComplete(noPostcode)).toBe(true);
    expect(imprintWarnings(noPostcode)).toEqual([
      { field: 'promoterAddress', message: "The promoter's address has no postcode; check it is a full postal address." },
    ]);
    expect(imprintWarnings(full)).toEqual([]);
    expect(imprintWarnings({ ...full, printerAddress: 'Unit 4' }, 'digital')).toEqual([]);
  });
});

describe('imprint text', () => {
  it('writes the printed imprint', () => {
    expect(imprintText(full)).toBe(
      'Printed by Quick Print Ltd, 1 Mill Lane, Exampleton EX1 2AB. Promoted by Jo Bloggs, 2 High Street, Exampleton EX1 3CD, on behalf of Sam Smith, 3 Low Road, Exampleton EX1 4EF.',
    );
  });

  it('says "both at" when promoter and publisher share an address, and joins address lines', () => {
    const shared = { ...full, promoterAddress: '2 High Street,\nExampleton EX1 3CD', onBehalfOfAddress: '2 High Street, Exampleton EX1 3CD' };
    expect(imprintText(shared)).toMatch(/Promoted by Jo Bloggs on behalf of Sam Smith, both at 2 High Street, Exampleton EX1 3CD\.$/);
  });

  it('leaves out the publisher when the promoter publishes for themself, and the printer online', () => {
    expect(imprintText({ ...full, onBehalfOfPromoter: true }, 'digital')).toBe('Promoted by Jo Bloggs, 2 High Street, Exampleton EX1 3CD.');
  });

  it('previews a half-written imprint', () => {
    expect(imprintText({ ...full, printerAddress: null, promoterName: null })).toBe('Printed by Quick Print Ltd.');
  });
});
