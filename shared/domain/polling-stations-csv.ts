/**
 * A polling stations list as councils publish it: one row per polling district with the station's
 * name and address. Rows naming the same station (name, ignoring case) make one station serving
 * all their districts. Every bad row is named by its line, so the user fixes the file once.
 */
import { readCsv } from './csv.ts';
import { DISTRICT_CODE } from './elector-number.ts';

export interface StationColumns {
  district: number;
  name: number;
  address: number | null;
}

export interface CsvStation {
  name: string;
  address: string;
  districts: string[];
}

/** Columns guessed from the headings (null where none fits). */
export function suggestStationColumns(headers: readonly string[]): {
  district: number | null;
  name: number | null;
  address: number | null;
} {
  const find = (re: RegExp, not?: number | null) => {
    const i = headers.findIndex((h, j) => j !== not && re.test(h));
    return i < 0 ? null : i;
  };
  const district = find(/district|^pd$|^code$/i);
  const name = find(/station|venue|name|building/i, district);
  const address = find(/address|location|street/i, name);
  return { district, name, address };
}

export function readStationsCsv(
  text: string,
  columns: StationColumns,
  registerDistricts: readonly string[],
): {
  stations: CsvStation[];
  problems: { line: number; reason: string }[];
  headers: string[];
} {
  const { headers, rows } = readCsv(text);
  const problems: { line: number; reason: string }[] = [];
  const known = new Set(registerDistricts);
  const byName = new Map<string, CsvStation>();
  const seen = new Map<string, number>();
  const labels: Record<keyof StationColumns, string> = { district: 'polling district', name: 'station name', address: 'address' };
  for (const [key, column] of Object.entries(columns) as [keyof StationColumns, number | null][]) {
    if (column !== null && column >= headers.length)
      problems.push({ line: 1, reason: `The file has ${headers.length} columns: there is no column ${column + 1} for the ${labels[key]}` });
  }
  if (problems.length > 0) return { stations: [], problems, headers };
  if (rows.length === 0) return { stations: [], problems: [{ line: 2, reason: 'The file has headings but no rows' }], headers };
  for (const { line, cells } of rows) {
    const district = (cells[columns.district] ?? '').toUpperCase();
    const name = cells[columns.name] ?? '';
    const address = columns.address === null ? '' : (cells[columns.address] ?? '');
    if (district === '') problems.push({ line, reason: 'No polling district' });
    else if (!DISTRICT_CODE.test(district))
      problems.push({
        line,
        reason: `“${district}” is not a polling district code (letters and digits starting with a letter)`,
      });
    else if (!known.has(district))
      problems.push({
        line,
        reason: `Polling district ${district} is not on this area’s register`,
      });
    else if (seen.has(district))
      problems.push({
        line,
        reason: `Polling district ${district} is already on line ${seen.get(district)}`,
      });
    if (name === '') problems.push({ line, reason: 'No station name' });
    else if (name.length > 200)
      problems.push({
        line,
        reason: 'The station name is over 200 characters',
      });
    if (address.length > 500) problems.push({ line, reason: 'The address is over 500 characters' });
    if (district === '' || name === '' || seen.has(district)) continue;
    seen.set(district, line);
    const key = name.toLowerCase();
    const s = byName.get(key) ?? { name, address, districts: [] };
    if (s.address === '') s.address = address;
    s.districts.push(district);
    byName.set(key, s);
  }
  return { stations: [...byName.values()], problems, headers };
}
