import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { AccountsService } from './accounts.service';
import { AccountConnection, AccountType } from './dto/account.type';
import { AccountsArgs, SetAccountAudienceInput, SetAccountRoleInput, UpdateProfileInput } from './dto/account.inputs';
import { toAccountType } from './dto/account.mapper';

@Resolver(() => AccountType)
export class AccountsResolver {
  constructor(private readonly accountsService: AccountsService) {}

  @Query(() => AccountType, { description: 'One account by id.' })
  @Authorize(PlatformAction.SignedIn)
  async account(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<AccountType> {
    return toAccountType(await this.accountsService.getVisible(viewer, id));
  }

  @Query(() => AccountConnection, { description: 'The people directory, ordered by name.' })
  @Authorize(PlatformAction.SignedIn)
  async accounts(@CurrentViewer() viewer: Viewer, @Args() args: AccountsArgs) {
    const page = await this.accountsService.list(viewer, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAccountType(e.node) })) };
  }

  @Mutation(() => AccountType, { description: "Updates the signed-in person's own profile." })
  @Authorize(PlatformAction.SignedIn)
  async updateProfile(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateProfileInput): Promise<AccountType> {
    return toAccountType(await this.accountsService.updateProfile(viewer, input));
  }

  @Mutation(() => AccountType)
  @Authorize(PlatformAction.Administer)
  async setAccountRole(@CurrentViewer() viewer: Viewer, @Args('input') input: SetAccountRoleInput): Promise<AccountType> {
    return toAccountType(await this.accountsService.setRole(viewer, input.accountId, input.role));
  }

  @Mutation(() => AccountType, { description: 'Moves an account to another audience; it sees the communities of that audience from its next request.' })
  @Authorize(PlatformAction.Administer)
  async setAccountAudience(@CurrentViewer() viewer: Viewer, @Args('input') input: SetAccountAudienceInput): Promise<AccountType> {
    return toAccountType(await this.accountsService.setAudience(viewer, input.accountId, input.audience));
  }

  @Mutation(() => AccountType, { description: 'Suspends an account and ends its sessions immediately.' })
  @Authorize(PlatformAction.Administer)
  async suspendAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('accountId', { type: () => ID }, ParseUUIDPipe) accountId: string,
  ): Promise<AccountType> {
    return toAccountType(await this.accountsService.suspend(viewer, accountId));
  }

  @Mutation(() => AccountType)
  @Authorize(PlatformAction.Administer)
  async reinstateAccount(@CurrentViewer() viewer: Viewer, @Args('accountId', { type: () => ID }, ParseUUIDPipe) accountId: string): Promise<AccountType> {
    return toAccountType(await this.accountsService.reinstate(viewer, accountId));
  }
}
