import { describe, expect, it } from 'vitest';
import { artworkFileName, artworkProblem, artworkTypeOf, ARTWORK_TYPES, describeContent } from '../../shared/domain/artwork-type.ts';
import { SHELL_SCRIPT, SVG_WITH_SCRIPT, pdfFile, pngFile, windowsProgram } from '../helpers/artwork.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('artwork types, by content', () => {
  it('recognises each kept type by its signature, only at the very start', () => {
    expect(artworkTypeOf(pngFile())).toBe(ARTWORK_TYPES.png);
    expect(artworkTypeOf(pdfFile())).toBe(ARTWORK_TYPES.pdf);
    expect(artworkTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(ARTWORK_TYPES.jpeg);
    expect(artworkTypeOf(bytes('GIF87a...'))).toBe(ARTWORK_TYPES.gif);
    expect(artworkTypeOf(bytes('GIF89a...'))).toBe(ARTWORK_TYPES.gif);
    expect(artworkTypeOf(bytes('RIFF\x10\0\0\0WEBPVP8 '))).toBe(ARTWORK_TYPES.webp);
    expect(artworkTypeOf(bytes('RIFF\x10\0\0\0WAVEfmt '))).toBeNull();
    expect(artworkTypeOf(bytes('#!/bin/sh\n# %PDF-1.4\n'))).toBeNull();
    expect(artworkTypeOf(bytes(' %PDF-1.4'))).toBeNull();
    expect(artworkTypeOf(pngFile().subarray(0, 7))).toBeNull();
    expect(artworkTypeOf(new Uint8Array())).toBeNull();
  });

  it('says what a refused file really is', () => {
    expect(describeContent(windowsProgram())).toBe('a Windows program (.exe)');
    expect(describeContent(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBe('a Linux program (ELF)');
    expect(describeContent(Buffer.from([0xcf, 0xfa, 0xed, 0xfe]))).toBe('a macOS program (Mach-O)');
    expect(describeContent(SHELL_SCRIPT)).toBe('a script (it starts with #!)');
    expect(describeContent(SVG_WITH_SCRIPT)).toBe('an SVG drawing');
    expect(describeContent(Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>', 'utf8'))).toBe('an SVG drawing');
    expect(describeContent(bytes('<!DOCTYPE html><p>hi'))).toBe('a web page (HTML)');
    expect(describeContent(bytes('PK\x03\x04rest'))).toMatch(/^a ZIP archive/);
    expect(describeContent(bytes('@echo off\r\ndel *'))).toBe('a Windows batch script');
    expect(describeContent(bytes('just some notes'))).toBe('plain text');
    expect(describeContent(Buffer.from([0, 1, 2, 3, 250, 0]))).toBe('data of an unknown kind');
  });

  it('refuses with a sentence naming the file, and SVG with its own reason', () => {
    expect(artworkProblem('focus.png', pngFile())).toBeNull();
    expect(artworkProblem('focus.png', windowsProgram())).toBe(
      '"focus.png" is not a PDF or an image: its content is a Windows program (.exe). Nothing was saved. Attach the artwork as a PDF, PNG, JPEG, GIF or WebP file.',
    );
    expect(artworkProblem('logo.svg', SVG_WITH_SCRIPT)).toMatch(/^"logo\.svg" is an SVG drawing, which can carry scripts, so Hustings does not keep it\./);
  });

  it('names a file for what it is', () => {
    expect(artworkFileName('focus.pdf', ARTWORK_TYPES.pdf)).toBe('focus.pdf');
    expect(artworkFileName('Focus.PDF', ARTWORK_TYPES.pdf)).toBe('Focus.PDF');
    expect(artworkFileName('photo.jpeg', ARTWORK_TYPES.jpeg)).toBe('photo.jpeg');
    expect(artworkFileName('focus.html', ARTWORK_TYPES.png)).toBe('focus.html.png');
    expect(artworkFileName('run.exe', ARTWORK_TYPES.gif)).toBe('run.exe.gif');
    expect(artworkFileName('artwork', ARTWORK_TYPES.webp)).toBe('artwork.webp');
  });
});
