import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorizationService, Clock, ConflictError, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import { AccountsService } from '@commons/server-identity';
import type { ChampionDashboardType, ChampionType } from './dto/champion.type';
import type { ChampionsArgs, EndChampionInput, NameChampionInput } from './dto/experts.inputs';
import { ChampionEntity } from './entities/champion.entity';
import { ExpertsAction } from './experts-access';
import { ExpertsRepository } from './experts.repository';

const DASHBOARD_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Champions: the CoE names them, everyone reads the directory, champions watch their communities. */
@Injectable()
export class ChampionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ExpertsRepository,
    private readonly authorization: AuthorizationService,
    private readonly communityAccess: CommunityAccessService,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  list(viewer: Viewer, args: ChampionsArgs) {
    this.authorization.assert(viewer, ExpertsAction.ReadChampions);
    return this.repository.champions(viewer, args, this.clock.now(), args.first, args.after);
  }

  /**
   * Names a champion for a community (which the programme-team member must be able to see) or a
   * department. The same person cannot hold two overlapping roles for the same scope.
   */
  async name(viewer: Viewer, input: NameChampionInput): Promise<ChampionType> {
    this.authorization.assert(viewer, ExpertsAction.NameChampions);
    if (!input.communityId === !input.department) {
      throw new ValidationError([
        { field: 'communityId', message: 'Choose a community or a department.' },
        { field: 'department', message: 'Choose a community or a department.' },
      ]);
    }
    const now = this.clock.now();
    const startsAt = input.startsAt ?? now;
    const endsAt = input.endsAt ?? null;
    if (endsAt && endsAt <= startsAt) throw ValidationError.field('endsAt', 'The end must come after the start.');
    const person = await this.accounts.getVisible(viewer, input.accountId);
    if (input.communityId) {
      await this.communityAccess.visible(viewer, input.communityId);
      // An ambassador must at least see the community they champion (a customer cannot champion an employee-only one).
      const facts = (await this.communityAccess.factsOfAccounts(input.communityId, [person.id])).get(person.id);
      const personAsViewer: Viewer = { accountId: person.id, sessionId: '', role: person.role, audience: person.audience };
      if (!facts || !this.authorization.can(personAsViewer, CommunityAction.View, { access: facts })) {
        throw ValidationError.field('accountId', 'This person cannot see that community.');
      }
    }

    const id = uuidv7(now.getTime());
    await this.dataSource.transaction(async (manager) => {
      // One naming at a time per person, so two overlapping roles cannot slip in side by side.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`champion:${input.accountId}`]);
      const overlapping: unknown[] = await manager.query(
        `SELECT 1 FROM champions
          WHERE account_id = $1 AND (community_id = $2 OR lower(department) = lower($3))
            AND (ends_at IS NULL OR ends_at > $4) AND ($5::timestamptz IS NULL OR starts_at < $5)
          LIMIT 1`,
        [input.accountId, input.communityId ?? null, input.department ?? null, startsAt, endsAt],
      );
      if (overlapping.length > 0) throw new ConflictError('This person is already a champion there for that time.');
      await manager.insert(ChampionEntity, {
        id,
        accountId: input.accountId,
        communityId: input.communityId ?? null,
        department: input.department ?? null,
        startsAt,
        endsAt,
        namedById: viewer.accountId,
        createdAt: now,
        updatedAt: now,
      });
    });
    return this.one(viewer, id);
  }

  /** Ends a role (now, or at a later date); the role stays in the directory's history. */
  async end(viewer: Viewer, input: EndChampionInput): Promise<ChampionType> {
    this.authorization.assert(viewer, ExpertsAction.NameChampions);
    const now = this.clock.now();
    const endsAt = input.endsAt ?? now;
    await this.dataSource.transaction(async (manager) => {
      const champion = await manager.findOne(ChampionEntity, { where: { id: input.championId }, lock: { mode: 'pessimistic_write' } });
      if (!champion) throw new NotFoundError('The champion');
      if (champion.communityId) await this.communityAccess.visible(viewer, champion.communityId);
      if (champion.endsAt && champion.endsAt <= now) throw new ConflictError('This role has already ended.');
      if (endsAt <= champion.startsAt) throw ValidationError.field('endsAt', 'The end must come after the start.');
      await manager.update(ChampionEntity, { id: champion.id }, { endsAt, updatedAt: now });
    });
    return this.one(viewer, input.championId);
  }

  /** One role as the viewer may see it, through the directory's query. */
  private async one(viewer: Viewer, championId: string): Promise<ChampionType> {
    const page = await this.repository.champions(viewer, { includePast: true, championId }, this.clock.now(), 1, null);
    const champion = page.edges[0]?.node;
    if (!champion) throw new NotFoundError('The champion');
    return champion;
  }

  /**
   * A champion's communities and their last 30 days. The champion sees their own while a role
   * lasts; the programme team sees anyone's. Only communities the viewer may see are listed.
   */
  async dashboard(viewer: Viewer, accountId: string | null | undefined): Promise<ChampionDashboardType> {
    const now = this.clock.now();
    const whose = accountId ?? viewer.accountId;
    const roles = await this.repository.currentRoles(whose, now);
    this.authorization.assert(viewer, ExpertsAction.ViewDashboard, { accountId: whose, currentChampion: roles.length > 0 });
    const account = await this.repository.findAccount(whose);
    if (!account) throw new NotFoundError('The account');

    // A programme-team member who champions nothing looks at every championed community.
    const ids = await this.repository.dashboardCommunityIds(roles.length === 0 && whose === viewer.accountId ? null : whose, now);
    const loaded = await this.communityAccess.load(viewer, ids);
    const visibleIds = ids.filter((id) => {
      const community = loaded.get(id);
      return community !== undefined && this.authorization.can(viewer, CommunityAction.View, community);
    });
    const since = new Date(now.getTime() - DASHBOARD_DAYS * DAY_MS);
    const [communities, championPage] = await Promise.all([
      this.repository.activity(visibleIds, since),
      this.repository.champions(viewer, { includePast: false, accountId: whose }, now, 100, null),
    ]);
    return { account, since, roles: championPage.edges.map((e) => e.node), communities };
  }
}
