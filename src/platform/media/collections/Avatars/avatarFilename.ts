/** One plain file name: no path separators, no `..`, no hidden files, no control characters. */
export const isSafeAvatarFilename = (filename: string): boolean =>
  filename.length > 0 &&
  filename.length <= 255 &&
  !filename.startsWith('.') &&
  !filename.includes('..') &&
  // eslint-disable-next-line no-control-regex
  !/[/\\\u0000-\u001f\u007f]/.test(filename)
