import { type RouteHousehold, type RouteSection, sectionHeading } from '../../../../shared/domain/walk-route.ts';

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
