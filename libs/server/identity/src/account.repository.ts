import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import type { Viewer } from '@commons/server-core';
import { AccountEntity } from './entities/account.entity';
import { AccountVisibility } from './account-visibility';
import type { AccountsArgs } from './dto/account.inputs';

/** Account queries. The directory pages by keyset on (sort_name, id): no OFFSET, constant cost at any depth. */
@Injectable()
export class AccountRepository {
  constructor(
    @InjectRepository(AccountEntity) private readonly repo: Repository<AccountEntity>,
    private readonly visibility: AccountVisibility,
  ) {}

  findById(id: string): Promise<AccountEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** The account if `viewer` may see it; null when it does not exist or is out of the viewer's reach. */
  findVisible(viewer: Viewer, id: string): Promise<AccountEntity | null> {
    const query = this.repo.createQueryBuilder('a').where('a.id = :id', { id });
    const scope = this.visibility.conditionFor(viewer, 'a');
    if (scope) query.andWhere(scope.sql, scope.params);
    return query.getOne();
  }

  findByEmail(email: string): Promise<AccountEntity | null> {
    return this.repo.findOne({ where: { email } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  async directoryPage(viewer: Viewer, args: AccountsArgs) {
    const after = decodeCursor(args.after);
    const query = this.repo
      .createQueryBuilder('a')
      .orderBy('a.sort_name', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(args.first + 1);
    const scope = this.visibility.conditionFor(viewer, 'a');
    if (scope) query.andWhere(scope.sql, scope.params);
    if (after) query.andWhere('(a.sort_name, a.id) > (:sortName, :id)', { sortName: String(after[0]), id: after[1] });
    if (args.search) {
      const pattern = `%${args.search.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
      // Trigram word similarity forgives a typo in a name ("Lovelase" finds "Ada Lovelace").
      query.andWhere(
        `(a.sort_name LIKE :pattern OR a.email LIKE :pattern OR lower(a.department) LIKE :pattern
          OR (length(:term) >= 4 AND :term <% a.sort_name))`,
        { pattern, term: args.search.toLowerCase() },
      );
    }
    const rows = await query.getMany();
    return toConnection(rows, args.first, (a) => [a.sortName, a.id], after !== undefined);
  }
}
