/**
 * Polling day, before the day (issue 17): polling stations of an area's register, committee rooms
 * of a contest, volunteers' duties (tellers and knockers-up), and who counts as a promise.
 */
import { z } from 'zod';
import { confirmFlag, id, idInput, optionalText, requiredText } from './common.ts';
import { mutation, query } from './define.ts';
import { pollingDistrictText } from './register.ts';
import { POLLS_CLOSE, POLLS_OPEN, isClockTime } from '../domain/tellers-rota.ts';

const districts = z
  .array(
    pollingDistrictText.refine((d) => d !== '', 'Choose a polling district'),
    { error: 'Choose the polling districts' },
  )
  .max(200, 'At most 200 polling districts')
  .refine((ds) => new Set(ds).size === ds.length, 'A polling district is listed twice');

/** Districts already served elsewhere are moved only when the user says so. */
const moveDistricts = z.boolean({ error: 'moveDistricts must be true or false' }).default(false);

export const stationInput = z.strictObject({
  id: id.optional(),
  areaId: id,
  name: requiredText('Station name', 200),
  address: optionalText('Address', 500),
  districts,
  moveDistricts,
});

export const roomInput = z.strictObject({
  id: id.optional(),
  contestId: id,
  name: requiredText('Room name', 200),
  address: optionalText('Address', 500),
  notes: optionalText('Notes', 2000),
  districts,
  moveDistricts,
});

/** A record chosen from a list: an empty choice asks for one in words. */
const chosen = (what: string) =>
  z
    .number({ error: `Choose ${what}` })
    .int(`Choose ${what}`)
    .positive(`Choose ${what}`);

const clock = z
  .string({ error: 'Enter a time' })
  .trim()
  .refine(isClockTime, 'Write the time as HH:MM, e.g. 07:00')
  .refine((t) => !isClockTime(t) || (t >= POLLS_OPEN && t <= POLLS_CLOSE), `Polls are open ${POLLS_OPEN} to ${POLLS_CLOSE}`);

export const tellerInput = z
  .strictObject({
    id: id.optional(),
    contestId: id,
    volunteerId: chosen('a volunteer'),
    duty: z.literal('teller'),
    stationId: chosen('a polling station'),
    startsAt: clock,
    endsAt: clock,
  })
  .refine((d) => !isClockTime(d.startsAt) || !isClockTime(d.endsAt) || d.startsAt < d.endsAt, {
    path: ['endsAt'],
    message: 'The shift must end after it starts',
  });

export const knockerUpInput = z.strictObject({
  id: id.optional(),
  contestId: id,
  volunteerId: chosen('a volunteer'),
  duty: z.literal('knocker_up'),
  roomId: chosen('a committee room'),
  round: z.number({ error: 'The round is a number' }).int('The round is a whole number').min(1, 'Rounds start at 1').max(20, 'At most 20 rounds'),
});

const dutyInput = z.union([tellerInput, knockerUpInput], {
  error: 'A duty is a teller (station and shift) or a knocker-up (room and round)',
});

const supports = z
  .array(z.string({ error: 'A support code is text' }).trim().toUpperCase().max(3, 'A support code is 1 to 3 letters or digits'), {
    error: 'Tick the support codes',
  })
  .max(20);

export const promiseRuleInput = z.strictObject({ contestId: id, supports });

/** Columns of a polling stations CSV, by position (0 = first); address is optional. */
const stationColumns = z.strictObject({
  district: z.number({ error: 'Choose the column of polling districts' }).int().min(0).max(500),
  name: z.number({ error: 'Choose the column of station names' }).int().min(0).max(500),
  address: z.number().int().min(0).max(500).nullable().default(null),
});

const csvText = z.string({ error: 'The file is text' }).max(2_000_000, 'A polling stations file over 2 MB is refused: it should be a few lines per district');

const station = z.object({
  id,
  areaId: id,
  name: z.string(),
  address: z.string(),
  districts: z.array(z.string()),
});
const room = z.object({
  id,
  contestId: id,
  name: z.string(),
  address: z.string(),
  notes: z.string(),
  districts: z.array(z.string()),
});
const duty = z.object({
  id,
  contestId: id,
  volunteerId: id,
  volunteerName: z.string(),
  duty: z.enum(['teller', 'knocker_up']),
  stationId: z.number().nullable(),
  stationName: z.string().nullable(),
  roomId: z.number().nullable(),
  roomName: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  round: z.number().nullable(),
});
export type StationOut = z.infer<typeof station>;
export type RoomOut = z.infer<typeof room>;
export type DutyOut = z.infer<typeof duty>;

const promiseCount = z.object({
  count: z.number(),
  /** Electors not removed, per support code the campaign uses (the count of a rule is the sum of its codes). */
  bySupport: z.array(z.object({ code: z.string(), label: z.string(), count: z.number() })),
});

const pollingOverview = z.object({
  contest: z.object({
    id,
    areaId: id,
    areaName: z.string(),
    electionName: z.string(),
    pollingDay: z.string(),
  }),
  districts: z.array(z.object({ pollingDistrict: z.string(), electors: z.number() })),
  stations: z.array(
    station.extend({
      gaps: z.array(z.object({ from: z.string(), to: z.string() })),
    }),
  ),
  rooms: z.array(room),
  duties: z.array(duty),
  rule: z.object({ supports: z.array(z.string()), updatedAt: z.string() }).nullable(),
  promises: promiseCount,
});
export type PollingOverview = z.infer<typeof pollingOverview>;

export const pollingSetupContract = {
  'polling.get': query(
    ['coordinator'],
    'Polling day set-up of a contest: its area’s polling stations (with districts and gaps in tellers’ cover), committee rooms, duties, the promise rule and how many promises it makes',
    z.strictObject({ contestId: id }),
    pollingOverview,
  ),
  'polling.saveStation': mutation(
    ['coordinator'],
    'Add or change a polling station of an area and the polling districts it serves (a district served by another station moves only with moveDistricts: true)',
    stationInput,
    station,
  ),
  'polling.deleteStation': mutation(
    ['coordinator'],
    'Delete a polling station (with tellers on duty there it needs confirm: true)',
    z.strictObject({ id, confirm: confirmFlag }),
    z.object({ deletedDuties: z.number() }),
  ),
  'polling.previewStationsCsv': query(
    ['coordinator'],
    'Read the headings and first rows of a polling stations CSV and suggest its columns (district, station name, address)',
    z.strictObject({ csv: csvText }),
    z.object({
      headers: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      columns: z.object({
        district: z.number().nullable(),
        name: z.number().nullable(),
        address: z.number().nullable(),
      }),
    }),
  ),
  'polling.importStations': mutation(
    ['coordinator'],
    'Import polling stations of an area from CSV text (one row per polling district: district, station name, address); nothing is written if any row is wrong',
    z.strictObject({
      areaId: id,
      csv: csvText,
      columns: stationColumns,
      moveDistricts,
    }),
    z.object({
      stationsAdded: z.number(),
      stationsUpdated: z.number(),
      districts: z.number(),
    }),
  ),
  'polling.saveRoom': mutation(
    ['coordinator'],
    'Add or change a committee room of a contest and the polling districts it knocks up (a district of another room moves only with moveDistricts: true)',
    roomInput,
    room,
  ),
  'polling.deleteRoom': mutation(
    ['coordinator'],
    'Delete a committee room (with knockers-up on duty there it needs confirm: true)',
    z.strictObject({ id, confirm: confirmFlag }),
    z.object({ deletedDuties: z.number() }),
  ),
  'polling.saveDuty': mutation(
    ['coordinator'],
    'Put a volunteer on duty: a teller at a station for a shift, or a knocker-up from a committee room for a round',
    dutyInput,
    duty,
  ),
  'polling.deleteDuty': mutation(['coordinator'], 'Take a volunteer off a duty', idInput, z.object({ deleted: z.boolean() })),
  'polling.countPromises': query(
    ['coordinator'],
    'How many electors of the contest’s area a promise rule (support codes) would knock up',
    promiseRuleInput,
    promiseCount,
  ),
  'polling.setPromiseRule': mutation(
    ['coordinator'],
    'Save who counts as a promise in a contest: the support codes to knock up',
    promiseRuleInput,
    promiseCount.extend({ supports: z.array(z.string()) }),
  ),
};
