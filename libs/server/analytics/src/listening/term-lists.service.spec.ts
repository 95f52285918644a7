import { ValidationError } from '@commons/server-core';
import { checkTermList } from './term-lists.service';

const list = (terms: string[], extra: Partial<Parameters<typeof checkTermList>[0]> = {}) => ({ key: 'acme', name: 'Acme', kind: 'OWN' as const, terms, ...extra });

describe('checkTermList', () => {
  it('trims terms and keeps each once, as they fold', () => {
    expect(checkTermList(list(['  Acme ', 'ACME', 'Ácme', 'Acme   Cloud'])).terms).toEqual(['Acme', 'Acme Cloud']);
  });

  it('names the field of what is wrong', () => {
    const field = (input: ReturnType<typeof list>) => {
      try {
        checkTermList(input);
      } catch (error) {
        return (error as ValidationError).fields[0]?.field;
      }
      return undefined;
    };
    expect(field(list(['Acme', 'x']))).toBe('terms.1');
    expect(field(list(['Acme'], { key: 'Not A Key' }))).toBe('key');
    expect(field(list(['Acme'], { name: '  ' }))).toBe('name');
  });
});
