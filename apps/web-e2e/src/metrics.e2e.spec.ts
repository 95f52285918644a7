import { readFileSync } from 'node:fs';
import { demoJourney, describeInBrowser, expectAccessible, graphqlAs } from './browser';
import { errorCode, metricSeries, rollUpTodayUntilActive, signInDemoPeople, today } from './metrics-setup';

const ADMIN = 'admin@commons.example';
const STEERING = 'steering@commons.example';
const ADA = 'ada.lovelace@commons.example';
const GRACE = 'grace.hopper@commons.example';
const SERIES_QUERY = 'query ($input: MetricSeriesInput!) { metricSeries(input: $input) { points { value } } }';

/**
 * The steering committee reads the programme's adoption: demo people sign in (activity), an admin
 * rolls today up, and the steering member sees the adoption chart, its definition, the same
 * numbers in the table view and in the CSV. A plain member is refused, on the page and by the API.
 * A community's manager reaches its dashboard from the community page; its moderator is refused.
 */
describeInBrowser('metrics dashboards', () => {
  const { platform, signInAs } = demoJourney();

  it('shows the steering committee the adoption trend with its definition, a table view and a CSV; refuses a member', async () => {
    const admin = await signInAs(ADMIN);
    const steering = await signInAs(STEERING);
    const ada = await signInAs(ADA);
    const others = await signInDemoPeople(admin, platform.server().url, 6, [ADMIN, STEERING, ADA]);
    const active = await rollUpTodayUntilActive(admin, 3 + others.length);

    // By day over the last 90 days: today's row is the table's last.
    await steering.goto('/programme?bucket=DAY');
    await steering.getByRole('heading', { name: 'Programme dashboard' }).waitFor();
    const card = steering.getByRole('region', { name: 'Active people', exact: true });
    await card.getByRole('img', { name: /^Line chart of Daily active people, Weekly active people, Monthly active people by day/u }).waitFor();
    await expectAccessible(steering, 'the steering dashboard');

    // The definition, on hover.
    await card.getByRole('button', { name: 'What “Active people” means' }).hover();
    const definitions = steering.getByRole('dialog', { name: 'Definitions: Active people' });
    await definitions.getByText('Weekly active people', { exact: true }).waitFor();
    await definitions.getByText(/^Formula: distinct people with activity in the 7 days ending on the day/u).waitFor();

    // The table view shows the API's number for today.
    const day = today();
    const from = new Date(Date.parse(`${day}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const api = await metricSeries(steering, { metrics: ['DAILY_ACTIVE_USERS', 'WEEKLY_ACTIVE_USERS', 'MONTHLY_ACTIVE_USERS'], from, to: day, bucket: 'DAY' });
    const daily = api.get('DAILY_ACTIVE_USERS') ?? [];
    const weekly = api.get('WEEKLY_ACTIVE_USERS')?.at(-1)?.value;
    expect(daily.at(-1)).toEqual({ start: day, value: active, suppressed: false });
    await card.getByRole('button', { name: 'Table view' }).click();
    const table = card.getByRole('table');
    await table.getByRole('columnheader', { name: 'Weekly active people' }).waitFor();
    const todayRow = table.getByRole('row').last();
    // Cells after the day: daily, weekly, monthly active people (whole numbers here).
    expect(await todayRow.getByRole('cell').nth(0).textContent()).toBe(String(active));
    expect(await todayRow.getByRole('cell').nth(1).textContent()).toBe(String(weekly));
    await expectAccessible(steering, 'the table view');

    // The CSV holds exactly the chart's data: 3 metrics × 90 days, raw values.
    const [download] = await Promise.all([steering.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`commons-active-people-organisation-${from}-to-${day}.csv`);
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/u, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('metric,metric_name,dimension,slice_id,slice,bucket,period_start,value,numerator,denominator,suppressed');
    expect(lines).toHaveLength(1 + 3 * 90);
    expect(lines).toContain(`DAILY_ACTIVE_USERS,Daily active people,ORGANISATION,,Organisation,DAY,${day},${active},${active},,false`);
    expect(lines).toContain(`WEEKLY_ACTIVE_USERS,Weekly active people,ORGANISATION,,Organisation,DAY,${day},${weekly},${weekly},,false`);

    // A plain member: no dashboard, and no organisation-wide numbers from the API.
    await ada.goto('/programme');
    await ada.getByRole('heading', { name: 'Not available to you' }).waitFor();
    expect(await errorCode(ada, SERIES_QUERY, { input: { metrics: ['WEEKLY_ACTIVE_USERS'], from: day, to: day } })).toBe('FORBIDDEN');
  });

  it("lets a community's manager open its dashboard from the community page, and refuses its moderator", async () => {
    const ada = await signInAs(ADA);
    await ada.goto('/communities/engineering-guild');
    await ada.getByRole('link', { name: 'Metrics' }).and(ada.locator('[href="/communities/engineering-guild/metrics"]')).click();
    await ada.getByRole('heading', { name: 'Metrics: Engineering Guild' }).waitFor();
    const objectives = ada.getByRole('region', { name: 'Objectives', exact: true });
    await objectives.getByRole('article', { name: 'Most members active each month' }).waitFor();
    const card = ada.getByRole('region', { name: 'Active people', exact: true });
    await card.getByRole('button', { name: 'Table view' }).click();
    await card.getByRole('table').getByRole('columnheader', { name: 'Monthly active people' }).waitFor();
    await expectAccessible(ada, 'the community dashboard');

    const grace = await signInAs(GRACE);
    await grace.goto('/communities/engineering-guild/metrics');
    await grace.getByRole('alert').filter({ hasText: 'Only the community’s managers and the steering committee can see its metrics.' }).waitFor();
    const { community } = await graphqlAs<{ community: { id: string } }>(grace, '{ community(slug: "engineering-guild") { id } }');
    const day = today();
    expect(await errorCode(grace, SERIES_QUERY, { input: { metrics: ['WEEKLY_ACTIVE_USERS'], dimension: 'COMMUNITY', sliceId: community.id, from: day, to: day } })).toBe('FORBIDDEN');
  });
});
