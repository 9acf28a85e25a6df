import type { Token } from './tokenize.js';

/** Walks the token list the way kobo's `_get_token` does: comments are gone, newlines optional. */
export class TokenCursor {
  private index = -1;

  constructor(private readonly tokens: readonly Token[]) {}

  /** The current token (the one last returned by next). */
  get current(): Token {
    return this.tokens[Math.max(this.index, 0)] ?? this.last();
  }

  /** Advances; newlines are skipped unless the caller needs to see where a line ends. */
  next(keepNewlines = false): Token {
    do {
      this.index = Math.min(this.index + 1, this.tokens.length - 1);
    } while (!keepNewlines && this.current.type === 'NEWLINE');
    return this.current;
  }

  /** The very next token without skipping newlines: kobo peeks this way for `%`. */
  peekRaw(): Token {
    return this.tokens[this.index + 1] ?? this.last();
  }

  private last(): Token {
    return this.tokens[this.tokens.length - 1] as Token;
  }
}

export function isOp(token: Token, text: string): boolean {
  return token.type === 'OP' && token.text === text;
}
