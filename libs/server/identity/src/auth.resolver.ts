import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, ValidationError, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, Public, type GraphqlContext } from '@commons/server-graphql';
import { AccountsService } from './accounts.service';
import { AuthService, type SignedIn } from './auth.service';
import { AccountType, AuthPayloadType } from './dto/account.type';
import { ChangePasswordInput, RegisterInput, SignInInput } from './dto/account.inputs';
import { toAccountType } from './dto/account.mapper';
import { SessionCookie } from './session-cookie';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly cookie: SessionCookie,
  ) {}

  @Query(() => AccountType, { nullable: true, description: 'The signed-in account, or null when signed out.' })
  @Public()
  async viewer(@Context() ctx: GraphqlContext): Promise<AccountType | null> {
    return ctx.viewer ? toAccountType(await this.accounts.get(ctx.viewer.accountId)) : null;
  }

  @Mutation(() => AuthPayloadType, { description: 'Creates an account and signs it in (sets the session cookie).' })
  @Public()
  async register(@Args('input') input: RegisterInput, @Context() ctx: GraphqlContext): Promise<AuthPayloadType> {
    return this.begin(ctx, await this.auth.register(input, ctx, sessionMeta(ctx)));
  }

  @Mutation(() => AuthPayloadType, { description: 'Signs in with e-mail and password (sets the session cookie).' })
  @Public()
  async signIn(@Args('input') input: SignInInput, @Context() ctx: GraphqlContext): Promise<AuthPayloadType> {
    return this.begin(ctx, await this.auth.signIn(input, ctx, sessionMeta(ctx)));
  }

  @Mutation(() => Boolean, { description: 'Ends this session everywhere it is used.' })
  @Authorize(PlatformAction.SignedIn)
  async signOut(@CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext): Promise<boolean> {
    await this.auth.signOut(viewer);
    if (ctx.res) this.cookie.clear(ctx.res);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes the password and signs out every other session.' })
  @Authorize(PlatformAction.SignedIn)
  async changePassword(@CurrentViewer() viewer: Viewer, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.auth.changePassword(viewer, input);
    return true;
  }

  /** Sets the cookie and lets the rest of this request act as the new session. */
  private begin(ctx: GraphqlContext, signedIn: SignedIn): AuthPayloadType {
    if (!ctx.res) throw ValidationError.field('transport', 'Sign in over HTTP, not over the WebSocket.');
    this.cookie.set(ctx.res, signedIn.token);
    ctx.viewer = signedIn.viewer;
    return { account: toAccountType(signedIn.account) };
  }
}

function sessionMeta(ctx: GraphqlContext) {
  return { userAgent: ctx.req?.headers['user-agent'] ?? null, address: ctx.address };
}
