/** The absolute path of the installed Electron executable, or null (never downloads it). */
export function electronBinary(): string | null;
/** The version of the installed electron package. */
export function electronVersion(): string;
