// The `hyphen` package ships no types: the part of its API Quire uses.
declare module 'hyphen/*' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
