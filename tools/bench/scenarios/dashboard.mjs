// 6. Steering dashboard from rollups: p95 ≤ 200 ms.
//
// Pending until the analytics issue adds the rollups and the dashboard query. To add it:
// sign in as a STEERING account (SELECT email FROM accounts WHERE role = 'STEERING'), run the
// web client's dashboard operation for the largest community and for the whole organisation
// with apiVariant(), and compare with a baseline route that reads the same rollup rows.
export default {
  id: 6,
  name: 'dashboard',
  title: 'Steering dashboard',
  pending: 'needs the rollups and the dashboard query (analytics issue)',
};
