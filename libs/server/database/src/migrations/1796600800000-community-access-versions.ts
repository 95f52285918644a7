import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables access facts are read from (see accessFactsColumns), and the trigger function of each. */
const TRIGGERED: Record<string, string> = {
  community_memberships: 'community_access_rows_changed',
  community_bans: 'community_access_rows_changed',
  community_invitations: 'community_access_rows_changed',
  community_cohorts: 'community_access_rows_changed',
  cohort_members: 'cohort_members_changed',
};

/**
 * A version per community that changes, in the same transaction, with anything its access facts
 * are read from: memberships and roles, bans, invitations, cohorts and their members, the
 * community's audiences, visibility and lifecycle, an account's e-mail (invitations by address).
 * Realtime delivery keeps its readers' facts while the version stays the same, instead of
 * reading them for thousands of readers on every event. Triggers, not services, bump it, so no
 * write path (nor a manual fix in SQL) can forget to. Versions come from one sequence, so a
 * version is never reused, even for a row written again after a TRUNCATE.
 */
export class CommunityAccessVersions1796600800000 implements MigrationInterface {
  name = 'CommunityAccessVersions1796600800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "community_access_version_seq"`);
    // No foreign key: a community's deletion cascades to the tables whose triggers write here.
    await queryRunner.query(
      `CREATE TABLE "community_access_versions" ("community_id" uuid PRIMARY KEY, "version" bigint NOT NULL)`,
    );
    // In community order, so two writers bumping the same communities cannot deadlock.
    await queryRunner.query(`
      CREATE FUNCTION bump_community_access_versions(community_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO community_access_versions (community_id, version)
        SELECT id, nextval('community_access_version_seq')
          FROM (SELECT DISTINCT id FROM unnest(community_ids) AS ids(id) WHERE id IS NOT NULL ORDER BY id) AS changed
        ON CONFLICT (community_id) DO UPDATE SET version = EXCLUDED.version
      $$`);
    // A write that finds its communities through another table (a cohort's communities, an
    // address's invitations) and a write to that table take the same lock, held to the commit:
    // whichever comes second sees the other's rows, so neither can leave a community unbumped.
    await queryRunner.query(`
      CREATE FUNCTION lock_community_access_keys(keys text[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        key text;
      BEGIN
        FOR key IN SELECT DISTINCT k FROM unnest(keys) AS ks(k) WHERE k IS NOT NULL ORDER BY k LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('community-access:' || key, 0));
        END LOOP;
      END $$`);
    // Statement-level: a bulk change (an import, a community's deletion) bumps each community
    // once. An update bumps the communities of the rows before it and after it (a row moved).
    // Cohorts and invitations are also looked up by cohort and by address (below): their
    // writers take those keys' locks first.
    await queryRunner.query(`
      CREATE FUNCTION community_access_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        communities uuid[] := ARRAY(SELECT community_id FROM changed_rows);
        keys text[] := '{}';
      BEGIN
        IF TG_TABLE_NAME = 'community_cohorts' THEN
          keys := ARRAY(SELECT 'cohort:' || cohort_id FROM changed_rows);
        ELSIF TG_TABLE_NAME = 'community_invitations' THEN
          keys := ARRAY(SELECT 'invited:' || email FROM changed_rows);
        END IF;
        IF TG_OP = 'UPDATE' THEN
          communities := communities || ARRAY(SELECT community_id FROM old_rows);
          IF TG_TABLE_NAME = 'community_cohorts' THEN
            keys := keys || ARRAY(SELECT 'cohort:' || cohort_id FROM old_rows);
          ELSIF TG_TABLE_NAME = 'community_invitations' THEN
            keys := keys || ARRAY(SELECT 'invited:' || email FROM old_rows);
          END IF;
        END IF;
        PERFORM lock_community_access_keys(keys);
        PERFORM bump_community_access_versions(communities);
        RETURN NULL;
      END $$`);
    // A cohort's members are facts of every community the cohort is attached to.
    await queryRunner.query(`
      CREATE FUNCTION cohort_members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        cohorts uuid[];
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          cohorts := ARRAY(SELECT cohort_id FROM old_rows UNION SELECT cohort_id FROM changed_rows);
        ELSE
          cohorts := ARRAY(SELECT DISTINCT cohort_id FROM changed_rows);
        END IF;
        PERFORM lock_community_access_keys(ARRAY(SELECT 'cohort:' || id FROM unnest(cohorts) AS c(id)));
        PERFORM bump_community_access_versions(ARRAY(SELECT cc.community_id FROM community_cohorts cc WHERE cc.cohort_id = ANY(cohorts)));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION community_access_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_community_access_versions(ARRAY(SELECT id FROM communities));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION community_access_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_community_access_versions(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    // Invitations by address match an account through its e-mail.
    await queryRunner.query(`
      CREATE FUNCTION account_email_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM lock_community_access_keys(ARRAY['invited:' || OLD.email, 'invited:' || NEW.email]);
        PERFORM bump_community_access_versions(ARRAY(
          SELECT i.community_id FROM community_invitations i
           WHERE i.status = 'PENDING' AND i.account_id IS NULL AND i.email IN (OLD.email, NEW.email)));
        RETURN NULL;
      END $$`);

    for (const [table, fn] of Object.entries(TRIGGERED)) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_access_inserted" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_access_updated" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_access_deleted" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_access_truncated" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION community_access_truncated()`,
      );
    }
    await queryRunner.query(`
      CREATE TRIGGER "communities_access_changed" AFTER UPDATE ON "communities" FOR EACH ROW
      WHEN (OLD.audiences IS DISTINCT FROM NEW.audiences OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.lifecycle IS DISTINCT FROM NEW.lifecycle)
      EXECUTE FUNCTION community_access_settings_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER "accounts_email_access_changed" AFTER UPDATE OF email ON "accounts" FOR EACH ROW
      WHEN (OLD.email IS DISTINCT FROM NEW.email)
      EXECUTE FUNCTION account_email_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "accounts_email_access_changed" ON "accounts"`);
    await queryRunner.query(`DROP TRIGGER "communities_access_changed" ON "communities"`);
    for (const table of Object.keys(TRIGGERED)) {
      for (const change of ['inserted', 'updated', 'deleted', 'truncated']) {
        await queryRunner.query(`DROP TRIGGER "${table}_access_${change}" ON "${table}"`);
      }
    }
    await queryRunner.query(`DROP FUNCTION account_email_changed()`);
    await queryRunner.query(`DROP FUNCTION community_access_settings_changed()`);
    await queryRunner.query(`DROP FUNCTION community_access_truncated()`);
    await queryRunner.query(`DROP FUNCTION cohort_members_changed()`);
    await queryRunner.query(`DROP FUNCTION community_access_rows_changed()`);
    await queryRunner.query(`DROP FUNCTION lock_community_access_keys(text[])`);
    await queryRunner.query(`DROP FUNCTION bump_community_access_versions(uuid[])`);
    await queryRunner.query(`DROP TABLE "community_access_versions"`);
    await queryRunner.query(`DROP SEQUENCE "community_access_version_seq"`);
  }
}
