export type { FormatAdapter, FormatConversion } from './types';
export { FORMATS, findFormat, formatForMediaType, formatsForFileName, detectFormat } from './registry';
export { CONVERSIONS, findConversion, defineConversion } from './conversions';
export { jsonFormatAdapter, problemsOf, type JsonFormatDescription } from './json-adapter';
