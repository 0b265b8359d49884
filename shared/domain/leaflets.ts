/** Leaflet sizes offered in the form; "other" leaves the size to the title or notes. */
export const LEAFLET_SIZES = ['A6', 'A5', 'A4', 'A3', 'DL', 'other'] as const;

/** A leaflet is drafted, then marked ready (only with a complete imprint), then retired. */
export const LEAFLET_STATUSES = ['draft', 'ready', 'retired'] as const;
