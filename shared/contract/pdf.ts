import { z } from 'zod';
import { id } from './common.ts';
import { EVERY_MEMBER, query } from './define.ts';
import { pollingDistrictText, votedInFilter } from './register.ts';

/**
 * The app's printable papers as PDF bytes, for the desktop app (its window talks over IPC and
 * cannot follow a link to GET /api/pdf/…, which browser mode streams instead). The same writers
 * as those routes and the CLI.
 */
const pdfFile = z.object({
  fileName: z.string(),
  pages: z.number(),
  dataBase64: z.string(),
});
export type PdfFile = z.infer<typeof pdfFile>;

export const pdfContract = {
  'pdf.walkSheets': query(
    ['coordinator', 'canvasser'],
    'Walk sheets of an area (or one polling district) as an A4 PDF, in the order a canvasser walks',
    z.strictObject({ areaId: id, pollingDistrict: pollingDistrictText.optional(), votedIn: votedInFilter.optional() }),
    pdfFile,
  ),
  // A round's sheet is streets and tick boxes, no names: for whoever delivers it.
  'pdf.roundSheet': query(
    EVERY_MEMBER,
    'A delivery round’s sheet as an A4 PDF: streets in walking order with tick boxes and the return slip',
    z.strictObject({ roundId: id }),
    pdfFile,
  ),
  'pdf.expensesReturn': query(['treasurer'], 'The return of election expenses of a contest as an A4 PDF', z.strictObject({ contestId: id }), pdfFile),
};
