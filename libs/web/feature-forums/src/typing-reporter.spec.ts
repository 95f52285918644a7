import { TYPING_REPORT_EVERY_MS, TypingReporter } from './typing-reporter';

describe('TypingReporter', () => {
  let sent: boolean[];
  let reporter: TypingReporter;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
    sent = [];
    reporter = new TypingReporter((typing) => sent.push(typing));
  });
  afterEach(() => jest.useRealTimers());

  it('reports typing at the first change, then at most once every 3 seconds while the typing goes on', () => {
    reporter.typed();
    expect(sent).toEqual([true]);
    for (let i = 0; i < 5; i++) {
      jest.advanceTimersByTime(500);
      reporter.typed();
    }
    expect(sent).toEqual([true]);

    jest.advanceTimersByTime(TYPING_REPORT_EVERY_MS - 2_500);
    reporter.typed();
    expect(sent).toEqual([true, true]);

    jest.advanceTimersByTime(TYPING_REPORT_EVERY_MS - 1);
    reporter.typed();
    expect(sent).toEqual([true, true]);
    jest.advanceTimersByTime(1);
    reporter.typed();
    expect(sent).toEqual([true, true, true]);
  });

  it('reports typing again at once when the person comes back after a pause', () => {
    reporter.typed();
    jest.advanceTimersByTime(20_000);
    reporter.typed();
    expect(sent).toEqual([true, true]);
  });

  it('reports stopping once, and only after typing was reported', () => {
    reporter.stopped();
    expect(sent).toEqual([]);

    reporter.typed();
    reporter.stopped();
    reporter.stopped();
    expect(sent).toEqual([true, false]);
  });

  it('reports typing at once for the next reply, however soon it is begun', () => {
    reporter.typed();
    reporter.stopped();
    jest.advanceTimersByTime(100);
    reporter.typed();
    expect(sent).toEqual([true, false, true]);
  });

  it('counts a reply emptied as stopped, and any other change as typing', () => {
    reporter.changed('H');
    reporter.changed('He');
    reporter.changed('  \n');
    reporter.changed('');
    reporter.changed('Hello');
    expect(sent).toEqual([true, false, true]);
  });

  it('ignores reports that fail, at once or later', () => {
    const throwing = new TypingReporter(() => {
      throw new Error('offline');
    });
    expect(() => throwing.typed()).not.toThrow();
    expect(() => throwing.stopped()).not.toThrow();

    const handled: jest.SpyInstance[] = [];
    const rejecting = new TypingReporter(() => {
      const failure = Promise.reject(new Error('FORBIDDEN'));
      handled.push(jest.spyOn(failure, 'catch'));
      return failure;
    });
    rejecting.typed();
    rejecting.stopped();
    expect(handled).toHaveLength(2);
    for (const spy of handled) expect(spy).toHaveBeenCalled();
  });
});
