/**
 * Imprints on election material (domain notes §7). Printed material must show the names and
 * addresses of the printer, the promoter and any person on whose behalf it is published
 * (RPA 1983 s.110). Digital material needs the promoter and anyone on whose behalf it is
 * published, but no printer (Elections Act 2022 s.41).
 *
 * When the promoter publishes on their own behalf (a candidate promoting their own leaflet, say),
 * the "on whose behalf" part is the promoter and need not be written twice.
 */
export interface Imprint {
  printerName: string | null;
  printerAddress: string | null;
  promoterName: string | null;
  promoterAddress: string | null;
  /** True when the material is published on the promoter's own behalf. */
  onBehalfOfPromoter: boolean;
  onBehalfOfName: string | null;
  onBehalfOfAddress: string | null;
}

export type ImprintMedium = 'printed' | 'digital';

type ImprintField = Exclude<keyof Imprint, 'onBehalfOfPromoter'>;

export interface ImprintGap {
  field: ImprintField;
  message: string;
}

const REQUIRED: { field: ImprintField; label: string; printedOnly: boolean; behalf: boolean }[] = [
  { field: 'printerName', label: "the printer's name", printedOnly: true, behalf: false },
  { field: 'printerAddress', label: "the printer's address", printedOnly: true, behalf: false },
  { field: 'promoterName', label: "the promoter's name", printedOnly: false, behalf: false },
  { field: 'promoterAddress', label: "the promoter's address", printedOnly: false, behalf: false },
  { field: 'onBehalfOfName', label: 'the name of the person or party it is published for', printedOnly: false, behalf: true },
  { field: 'onBehalfOfAddress', label: 'the address of the person or party it is published for', printedOnly: false, behalf: true },
];

function blank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

/** What the imprint still lacks, in the order it is read; empty when it is complete. */
export function imprintGaps(imprint: Imprint, medium: ImprintMedium = 'printed'): ImprintGap[] {
  const gaps: ImprintGap[] = [];
  for (const r of REQUIRED) {
    if (r.printedOnly && medium !== 'printed') continue;
    if (r.behalf && imprint.onBehalfOfPromoter) continue;
    if (blank(imprint[r.field])) gaps.push({ field: r.field, message: `The imprint needs ${r.label} (RPA 1983 s.110).` });
  }
  return gaps;
}

export function isImprintComplete(imprint: Imprint, medium: ImprintMedium = 'printed'): boolean {
  return imprintGaps(imprint, medium).length === 0;
}

/** One sentence naming every gap, for a flag next to the leaflet; null when complete. */
export function describeImprintGaps(imprint: Imprint, medium: ImprintMedium = 'printed'): string | null {
  const gaps = imprintGaps(imprint, medium);
  if (gaps.length === 0) return null;
  const labels = gaps.map((g) => REQUIRED.find((r) => r.field === g.field)!.label);
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  return `Imprint incomplete: add ${list}.`;
}

/**
 * A UK postcode somewhere in the address. Not a legal requirement, so its absence is a warning
 * (an address without one is often only half written), never a gap.
 */
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;

export function imprintWarnings(imprint: Imprint, medium: ImprintMedium = 'printed'): ImprintGap[] {
  const warnings: ImprintGap[] = [];
  const addresses: { field: ImprintField; label: string; skip: boolean }[] = [
    { field: 'printerAddress', label: "The printer's address", skip: medium !== 'printed' },
    { field: 'promoterAddress', label: "The promoter's address", skip: false },
    { field: 'onBehalfOfAddress', label: 'The address of the person or party it is published for', skip: imprint.onBehalfOfPromoter },
  ];
  for (const a of addresses) {
    const text = imprint[a.field];
    if (a.skip || blank(text) || POSTCODE.test(text!)) continue;
    warnings.push({ field: a.field, message: `${a.label} has no postcode; check it is a full postal address.` });
  }
  return warnings;
}

/** Whether a leaflet may be marked ready, and if not, why. */
export function readinessProblem(imprint: Imprint, medium: ImprintMedium = 'printed'): string | null {
  const gaps = describeImprintGaps(imprint, medium);
  return gaps === null ? null : `${gaps} A leaflet cannot be marked ready until its imprint is complete.`;
}

function oneLine(text: string | null): string {
  return (text ?? '')
    .split(/[\n\r]+/)
    .map((s) => s.trim().replace(/,$/, ''))
    .filter((s) => s !== '')
    .join(', ');
}

/**
 * The imprint as it is printed on the leaflet, e.g. "Printed by Print Co, 1 High St, AB1 2CD.
 * Promoted by Jo Bloggs on behalf of the Example Party, both at 2 Low St, AB1 3EF." Parts not
 * yet filled in are left out, so the text is usable as a preview while it is being written.
 */
export function imprintText(imprint: Imprint, medium: ImprintMedium = 'printed'): string {
  const sentences: string[] = [];
  if (medium === 'printed' && !blank(imprint.printerName)) {
    const at = blank(imprint.printerAddress) ? '' : `, ${oneLine(imprint.printerAddress)}`;
    sentences.push(`Printed by ${imprint.printerName!.trim()}${at}.`);
  }
  if (!blank(imprint.promoterName)) {
    const promoter = imprint.promoterName!.trim();
    const promoterAt = oneLine(imprint.promoterAddress);
    const behalfName = imprint.onBehalfOfPromoter ? '' : (imprint.onBehalfOfName ?? '').trim();
    const behalfAt = imprint.onBehalfOfPromoter ? '' : oneLine(imprint.onBehalfOfAddress);
    if (behalfName === '') {
      sentences.push(`Promoted by ${promoter}${promoterAt === '' ? '' : `, ${promoterAt}`}.`);
    } else if (behalfAt !== '' && behalfAt.toLowerCase() === promoterAt.toLowerCase()) {
      sentences.push(`Promoted by ${promoter} on behalf of ${behalfName}, both at ${promoterAt}.`);
    } else {
      const pAt = promoterAt === '' ? '' : `, ${promoterAt},`;
      const bAt = behalfAt === '' ? '' : `, ${behalfAt}`;
      sentences.push(`Promoted by ${promoter}${pAt} on behalf of ${behalfName}${bAt}.`);
    }
  }
  return sentences.join(' ');
}
