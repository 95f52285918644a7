import { passesLuhn, redactCardNumbers, scanPersonalData } from './personal-data';

describe('passesLuhn', () => {
  it('accepts numbers whose check digit is right and refuses the rest', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5500005555555559')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('1234567812345678')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });
});

describe('scanPersonalData', () => {
  it('finds e-mail addresses and masks them', () => {
    const scan = scanPersonalData('Write to jane.doe+x@mail.example.com or ops@corp.example.org.');
    expect(scan.emails.map((e) => e.masked)).toEqual(['j***@mail.example.com', 'o***@corp.example.org']);
    expect(scanPersonalData('not an address: a@b, @handle, user@localhost, x@y.z').emails).toEqual([]);
  });

  it('finds card numbers, grouped or not, only when they pass Luhn', () => {
    const text = 'card 4111 1111 1111 1111, again 4111-1111-1111-1111 and 4111111111111111; wrong 4111 1111 1111 1112';
    const scan = scanPersonalData(text);
    expect(scan.cards.map((c) => c.masked)).toEqual(['card ending 1111', 'card ending 1111', 'card ending 1111']);
    expect(scan.cards.map((c) => text.slice(c.start, c.end))).toEqual(['4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111']);
  });

  it('finds a card followed by other digits (a security code)', () => {
    expect(scanPersonalData('4111 1111 1111 1111 123').cards).toHaveLength(1);
  });

  it('finds phone numbers in international and national formats', () => {
    const text = 'Call +44 20 7946 0958, (020) 7946 0958, 0612345678 or +1 415-555-2671.';
    expect(scanPersonalData(text).phones(9).map((p) => text.slice(p.start, p.end))).toEqual(['+44 20 7946 0958', '(020) 7946 0958', '0612345678', '+1 415-555-2671']);
    expect(scanPersonalData('+44 20 7946 0958').phones(9)[0].masked).toBe('phone ending 58');
  });

  it('does not take dates, versions, addresses, amounts or ids for phones', () => {
    const text = 'On 2024-01-15 at 10:30, v1.2.3, host 192.168.100.200, $1,250,000, order 123456789, ticket ABC-123456789';
    expect(scanPersonalData(text).phones(9)).toEqual([]);
  });

  it('honours the minimum number of digits of a phone', () => {
    expect(scanPersonalData('call 555-123-4567').phones(9)).toHaveLength(1);
    expect(scanPersonalData('call 555-1234').phones(9)).toHaveLength(0);
    expect(scanPersonalData('call 555-1234').phones(7)).toHaveLength(1);
  });
});

describe('redactCardNumbers', () => {
  it('replaces any card number in quoted text by its last four digits', () => {
    expect(redactCardNumbers('pay with 4111 1111 1111 1111 now')).toBe('pay with [card ending 1111] now');
    expect(redactCardNumbers('ref 4111111111111112')).toBe('ref 4111111111111112');
    expect(redactCardNumbers('short 12345')).toBe('short 12345');
    expect(redactCardNumbers('id4111111111111111x')).toBe('id[card ending 1111]x');
    expect(redactCardNumbers('n 41111111111111111111111')).toBe('n [long number]');
  });
});
