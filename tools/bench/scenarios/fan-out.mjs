// 5. Fan-out: 5,000 subscribers on one thread; delivery p99 against a raw `ws` broadcast
// (target ≤ 1.5×), µs of API CPU per delivery, KB of RSS per connection.
//
// Pending until the realtime issue adds the `threadActivity(threadId)` subscription. To add it:
//   1. open 5,000 graphql-ws clients (ws + graphql-ws, cookie of ctx.cookie; raise `ulimit -n`)
//      subscribed to threadActivity of ctx.targets.thread, reading RSS before and after
//      (processStats(ctx.api.pid)) for KB per connection;
//   2. post replies at a steady rate (replyToThread through ctx.gql), stamping the send time
//      in the body, and record each delivery's latency on every client;
//   3. baseline: a `ws` broadcast route in baseline-server.mjs that sends the same payload to
//      5,000 plain sockets on a trigger request; same latency recording;
//   4. CPU per delivery: processStats(ctx.api.pid).cpuSeconds delta / deliveries.
export default {
  id: 5,
  name: 'fan-out',
  title: 'Fan-out',
  pending: 'needs the threadActivity subscription (realtime issue)',
};
