/**
 * How often, at most, the reply box tells the thread's readers that the person is still
 * writing. The server shows someone as typing for 6 seconds after each report, so a report
 * every 3 seconds of typing keeps them shown without a gap.
 */
export const TYPING_REPORT_EVERY_MS = 3_000;

/** Sends one report (reportTyping); what it returns, or how it fails, does not matter here. */
export type SendTypingReport = (typing: boolean) => unknown;

/**
 * Turns the reply box's edits into typing reports: "typing" on the first change and then at
 * most once every TYPING_REPORT_EVERY_MS while the changes go on; "stopped" once when the reply
 * is posted, emptied or left, and only after a "typing" went out. A report that fails is
 * ignored: writing never waits for it, nor stops because of it.
 */
export class TypingReporter {
  /** When "typing" last went out; null while the person is not shown as typing. */
  private lastTyping: number | null = null;

  constructor(
    private readonly send: SendTypingReport,
    private readonly now: () => number = Date.now,
  ) {}

  /** The reply's text changed: an empty reply counts as having stopped. */
  changed(text: string): void {
    if (text.trim() === '') this.stopped();
    else this.typed();
  }

  /** The person typed in the reply. */
  typed(): void {
    const now = this.now();
    if (this.lastTyping !== null && now - this.lastTyping < TYPING_REPORT_EVERY_MS) return;
    this.lastTyping = now;
    this.report(true);
  }

  /** The reply was posted or emptied, or its page left. */
  stopped(): void {
    if (this.lastTyping === null) return;
    this.lastTyping = null;
    this.report(false);
  }

  private report(typing: boolean): void {
    try {
      const sent = this.send(typing);
      if (sent instanceof Promise) sent.catch(() => undefined);
    } catch {
      // Typing reports are a courtesy to the readers: a failure changes nothing for the writer.
    }
  }
}
