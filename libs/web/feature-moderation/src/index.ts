export { communityModerationRoutes, moderationRoutes, noticesRoutes } from './routes';
export { communityModerationPath } from './moderation-scope';
export { useModerationAccess, useViewerId } from './viewer';
// The author's side, for the screens where people post.
export { AppealButton } from './author/appeal';
export { FlagButton } from './author/flag';
export { ModerationStatus } from './author/moderation-status';
export { PolicyRejectedAlert, PostingErrorAlert } from './author/posting-error';
