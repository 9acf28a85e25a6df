import { describe, expect, it } from 'vitest';
import { InputError } from '@compose/errors';
import { matchSigkey, normalizeSigkey } from '@compose/rpm-header';

const signed = { sigKeyIds: ['199e2f91fd431d51'] };
const twice = { sigKeyIds: ['199e2f91fd431d51', '5323552a7fac5991'] };
const unsigned = { sigKeyIds: [] };

describe('matchSigkey', () => {
  it('matches short and long key IDs case-insensitively and returns the sigkey as written', () => {
    expect(matchSigkey(signed, ['FD431D51'])).toBe('FD431D51');
    expect(matchSigkey(signed, ['199E2F91FD431D51'])).toBe('199E2F91FD431D51');
    expect(matchSigkey(signed, ['0xfd431d51'])).toBe('0xfd431d51');
  });

  it('returns the first sigkey in preference order that the package satisfies', () => {
    expect(matchSigkey(twice, ['7fac5991', 'fd431d51'])).toBe('7fac5991');
    expect(matchSigkey(signed, ['7fac5991', 'fd431d51'])).toBe('fd431d51');
  });

  it('does not treat a partial key ID as a match', () => {
    expect(matchSigkey(signed, ['f91fd431d51'.slice(-8).replace('d', 'e')])).toBeUndefined();
    expect(matchSigkey(signed, ['199e2f91'])).toBeUndefined();
  });

  it('accepts unsigned packages only through null (None)', () => {
    expect(matchSigkey(unsigned, [null])).toBeNull();
    expect(matchSigkey(unsigned, ['fd431d51'])).toBeUndefined();
    expect(matchSigkey(signed, [null])).toBeUndefined();
    expect(matchSigkey(unsigned, [])).toBeUndefined();
  });

  it.each(['', 'fd431d5', 'not-a-key', 'fd431d51fd431d51fd431d51fd431d51fd431d51'])('rejects the malformed sigkey %j', (sigkey) => {
    expect(() => normalizeSigkey(sigkey)).toThrow(InputError);
    expect(() => matchSigkey(signed, [sigkey])).toThrow(/is not a key ID/);
  });
});
