export { IdentityModule, identityEntities } from './identity.module';
export { AccountsService, type NewAccount } from './accounts.service';
export { AccountRepository } from './account.repository';
export { SessionsService } from './sessions.service';
export { SessionCookie } from './session-cookie';
export { AccountAction } from './identity.actions';
export { AccountEntity } from './entities/account.entity';
