import { type RouteHousehold, type RouteSection, sectionHeading, walkRoute } from './walk-route.ts';

/** A part of a walk route on one screen page: a section's heading and the households under it. */
export interface PagePart<H> {
  heading: string;
  /** The section began on an earlier page. */
  continued: boolean;
  /** The section's place in the route, for "go to street". */
  section: number;
  households: H[];
}

/**
 * The route cut into screen pages of about `rows` elector rows (a 5,000-elector district drawn at
 * once was 33,000 DOM elements). A household is never split; a section that runs over a page
 * starts the next one with its heading again, marked continued.
 */
export function pageRoute<H extends RouteHousehold & { electors: readonly unknown[] }>(route: readonly RouteSection<H>[], rows: number): PagePart<H>[][] {
  const pages: PagePart<H>[][] = [];
  let page: PagePart<H>[] = [];
  let used = 0;
  route.forEach((section, index) => {
    let part: PagePart<H> | null = null;
    for (const h of section.households) {
      if (used > 0 && used + h.electors.length > rows) {
        pages.push(page);
        page = [];
        used = 0;
        part = null;
      }
      if (part === null) {
        // A part already made for this section (on an earlier page) makes this one its continuation.
        const continued = pages.length > 0 && pages[pages.length - 1].some((p) => p.section === index) && page.length === 0;
        part = { heading: sectionHeading(section), continued, section: index, households: [] };
        page.push(part);
      }
      part.households.push(h);
      used += h.electors.length;
    }
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Where a page of a walk sheet sits in the whole: what the screen needs beside the page's households. */
export interface SheetPaging {
  /** The page sent (the one asked for, kept within 1..pages). */
  page: number;
  pages: number;
  /** Elector rows a page holds at most (a household bigger than that has a page to itself). */
  pageRows: number;
  /** The whole sheet's households and electors. */
  households: number;
  electors: number;
  /** The page's headings, in order: each takes the next `households` of the page's households. */
  parts: { heading: string; continued: boolean; section: number; households: number }[];
  /** Each section of the route and the page it starts on, for "go to street". */
  streets: { section: number; heading: string; page: number }[];
  /** With `find`: the electors called (name contains it) or numbered (exactly) so, in walk order, with their page. */
  found?: { electorId: number; page: number }[];
}

type SheetElector = { id: number; electorNumber: string; fullName: string };

/**
 * One screen page of a walk sheet: `households` given in stored walk order are put in the order a
 * canvasser walks (walkRoute), cut into pages of about `rows` elector rows (pageRoute), and only
 * page `page` is kept, so a 4,000-elector district sends 200 rows, not a megabyte.
 */
export function sheetPage<H extends { street: string; houseNumber: number | null; electors: readonly SheetElector[] }>(
  households: readonly H[],
  opts: { page: number; rows: number; find?: string },
): { households: H[]; paging: SheetPaging } {
  const route = walkRoute(
    households.map((h) => ({ street: h.street, houseNumber: h.houseNumber, electorNumbers: h.electors.map((e) => e.electorNumber), electors: h.electors, h })),
  );
  const pages = pageRoute(route, opts.rows);
  const page = Math.min(Math.max(1, opts.page), Math.max(1, pages.length));
  const parts = pages[page - 1] ?? [];
  const streets: SheetPaging['streets'] = [];
  pages.forEach((p, i) =>
    p.forEach((part) => streets.some((s) => s.section === part.section) || streets.push({ section: part.section, heading: part.heading, page: i + 1 })),
  );
  const needle = opts.find?.trim().toLowerCase() ?? '';
  const found =
    opts.find === undefined
      ? undefined
      : pages.flatMap((p, i) =>
          p.flatMap((part) =>
            part.households.flatMap(({ h }) =>
              needle === ''
                ? []
                : h.electors
                    .filter((e) => e.fullName.toLowerCase().includes(needle) || e.electorNumber.toLowerCase() === needle)
                    .map((e) => ({ electorId: e.id, page: i + 1 })),
            ),
          ),
        );
  return {
    households: parts.flatMap((part) => part.households.map((x) => x.h)),
    paging: {
      page,
      pages: pages.length,
      pageRows: opts.rows,
      households: households.length,
      electors: households.reduce((n, h) => n + h.electors.length, 0),
      parts: parts.map((part) => ({ heading: part.heading, continued: part.continued, section: part.section, households: part.households.length })),
      streets,
      ...(found ? { found } : {}),
    },
  };
}

/** A page's headings, each with its share of the page's households (they come in the headings' order). */
export function householdsOfParts<H>(
  households: readonly H[],
  parts: SheetPaging['parts'],
): (Omit<SheetPaging['parts'][number], 'households'> & { households: H[] })[] {
  let from = 0;
  return parts.map((part) => ({ ...part, households: households.slice(from, (from += part.households)) }));
}
