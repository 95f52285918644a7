import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, Public } from '@commons/server-graphql';
import { CreateInviteInput, UpdatePlatformSettingsInput } from './dto/account.inputs';
import { CreatedInviteType, InvitationType, PlatformSettingsType } from './dto/settings.types';
import { InvitesService } from './invites.service';
import { PlatformSettingsService } from './platform-settings.service';

/** Who may join: open registration, and invite links when it is closed. */
@Resolver()
export class RegistrationResolver {
  constructor(
    private readonly settings: PlatformSettingsService,
    private readonly invites: InvitesService,
  ) {}

  @Query(() => PlatformSettingsType)
  @Public()
  async platformSettings(): Promise<PlatformSettingsType> {
    const { openRegistration } = await this.settings.get();
    return { openRegistration };
  }

  @Mutation(() => PlatformSettingsType)
  @Authorize(PlatformAction.Administer)
  async updatePlatformSettings(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdatePlatformSettingsInput): Promise<PlatformSettingsType> {
    const { openRegistration } = await this.settings.update(viewer, input);
    return { openRegistration };
  }

  @Query(() => InvitationType, { nullable: true, description: 'What an invite link grants; null for an unknown token.' })
  @Public()
  invitation(@Args('token') token: string): Promise<InvitationType | null> {
    return this.invites.describe(token);
  }

  @Mutation(() => CreatedInviteType, { description: 'Creates a single-use invite link, valid for 14 days.' })
  @Authorize(PlatformAction.Administer)
  createInvite(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateInviteInput): Promise<CreatedInviteType> {
    return this.invites.create(viewer, input);
  }
}
