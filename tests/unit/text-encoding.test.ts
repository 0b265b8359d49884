import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../shared/domain/text-encoding.ts';

const text = 'Elector Surname,Elector Forename\r\nÅngström,Zoë\r\n';
const latin1 = Buffer.from(text, 'latin1');
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = Buffer.from(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());

describe('finding a text file’s encoding', () => {
  it.each([
    ['UTF-8', Buffer.from(text), 'utf-8'],
    ['UTF-8 with a byte-order mark', Buffer.from(`\uFEFF${text}`), 'utf-8'],
    ['Windows-1252 / Latin-1', latin1, 'windows-1252'],
    ['UTF-16 little-endian with its mark', utf16le, 'utf-16le'],
    ['UTF-16 big-endian with its mark', utf16be, 'utf-16be'],
    ['UTF-16 little-endian without a mark', Buffer.from(text, 'utf16le'), 'utf-16le'],
  ])('reads %s', (_, bytes, encoding) => {
    const d = detectEncoding(bytes, true, 'r.csv');
    expect(d).toEqual({ ok: true, encoding });
    if (d.ok) expect(new TextDecoder(d.encoding).decode(bytes)).toContain('Ångström,Zoë');
  });

  it('does not hold a character cut off at the end of a sample against UTF-8', () => {
    const bytes = Buffer.from('Zoë');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false, 'r.csv')).toEqual({ ok: true, encoding: 'utf-8' });
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), true, 'r.csv')).toEqual({ ok: true, encoding: 'windows-1252' });
  });

  it('says a spreadsheet workbook or a binary file is not a CSV', () => {
    const xlsx = detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), false, 'register.xlsx');
    expect(xlsx).toEqual({
      ok: false,
      message:
        'register.xlsx is a spreadsheet workbook, not a CSV file. Open it in your spreadsheet program and save it as "CSV UTF-8 (Comma delimited)", then import that.',
    });
    expect(detectEncoding(Buffer.from([1, 2, 0, 0, 0, 7, 9, 0, 3]), true, 'x.bin')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^x\.bin is not a text file/),
    });
  });
});
