import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, Clock, ConflictError, DomainEvents, ForbiddenError, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityAccessService, type CommunityAccess } from '@commons/server-communities';
import { ContentKind, ModerationState, ThreadKind, UseCase } from '@commons/shared-contracts';
import { ForumAction } from './forum-access';
import { ForumContent } from './forum-content';
import { ForumCategoriesService } from './forum-categories.service';
import { ForumRepository, type ReplyRow, type ThreadRow } from './forum.repository';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { ReplyEntity } from './entities/reply.entity';
import { ThreadEntity } from './entities/thread.entity';
import { answerAccepted, replyCreated, replyEdited, threadCreated, threadEdited, threadStateChanged } from './forum-events';
import { countReply, newReplyRow, newThreadRow } from './forum-rows';
import type { AcceptAnswerInput, CreateThreadInput, EditReplyInput, EditThreadInput, ReplyInput } from './dto/forum.inputs';

/** A thread and its community's facts for the viewer. */
export interface LoadedThread {
  thread: ThreadRow;
  access: CommunityAccess;
}

/** FORBIDDEN when a thread takes no new replies (checked before the work and again under the thread's lock). */
function assertOpenForReplies(thread: ThreadEntity): void {
  if (thread.deletedAt) throw new ForbiddenError('This thread was deleted.');
  if (thread.lockedAt) throw new ForbiddenError('This thread is locked: no new replies.');
  if (thread.duplicateOfId) throw new ForbiddenError('This thread was closed as a duplicate; reply in the original thread.');
}

/** Threads and replies: posting, editing with history and versions, tombstones, answers, thread states. */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ForumRepository,
    private readonly content: ForumContent,
    private readonly communities: CommunityAccessService,
    private readonly categories: ForumCategoriesService,
    private readonly audit: AuditTrail,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** A thread the viewer may read (with author and reactions): three statements at most. */
  async get(viewer: Viewer, threadId: string): Promise<LoadedThread> {
    const thread = await this.repository.thread(viewer.accountId, threadId);
    if (!thread) throw new NotFoundError('The thread');
    const access = await this.content.readable(viewer, thread.communityId, 'The thread');
    this.content.assertSees(viewer, access, thread.authorId, thread.moderationState, 'The thread');
    return { thread, access };
  }

  /** A reply the viewer may read, as a page of replies shows it. */
  async getReply(viewer: Viewer, replyId: string): Promise<{ reply: ReplyRow; access: CommunityAccess }> {
    const reply = await this.repository.reply(viewer.accountId, replyId);
    if (!reply) throw new NotFoundError('The reply');
    const access = await this.content.readable(viewer, reply.communityId, 'The reply');
    this.content.assertSees(viewer, access, reply.authorId, reply.moderationState, 'The reply');
    return { reply, access };
  }

  async create(viewer: Viewer, input: CreateThreadInput): Promise<LoadedThread> {
    const loaded = await this.communities.visible(viewer, input.communityId);
    if (!this.content.can(viewer, ForumAction.Read, loaded.access)) throw new NotFoundError('The community');
    if (!loaded.community.useCases.includes(UseCase.Forums)) throw new ForbiddenError('This community does not use forums.');
    this.content.assert(viewer, ForumAction.Post, loaded.access, undefined, 'You cannot post in this community.');
    const tags = this.content.tags(input.tags);
    const id = await this.content.transaction(async (manager) => {
      const categoryId = input.categoryId
        ? (await this.categories.inCommunity(manager, input.communityId, input.categoryId)).id
        : (await this.categories.general(manager, input.communityId)).id;
      const now = this.clock.now();
      const threadId = uuidv7(now.getTime());
      const moderation = await this.content.moderate(manager, viewer, loaded.access, {
        kind: ContentKind.ForumThread,
        contentId: threadId,
        isEdit: false,
        title: input.title,
        body: input.body,
        placement: { categoryId, kind: input.kind, tags },
      });
      const thread = newThreadRow(
        {
          id: threadId,
          communityId: input.communityId,
          categoryId,
          authorId: viewer.accountId,
          kind: input.kind,
          title: input.title,
          body: input.body,
          bodyHtml: await this.content.renderPost(manager, input.communityId, threadId, input.body, 'forum'),
          tags,
          moderationState: moderation.state,
        },
        now,
      );
      // Recorded first, so the event rides on the thread's own INSERT.
      await this.events.record(manager, threadCreated(thread));
      await this.content.insert(manager, ThreadEntity, thread);
      return thread.id;
    });
    return this.get(viewer, id);
  }

  /** Edits with a version check: an edit started from an older version is a CONFLICT, not a silent overwrite. */
  async edit(viewer: Viewer, input: EditThreadInput): Promise<LoadedThread> {
    const { thread, access } = await this.get(viewer, input.threadId);
    this.content.assert(viewer, ForumAction.Edit, access, thread.authorId);
    const tags = input.tags ? this.content.tags(input.tags) : undefined;
    await this.content.transaction(async (manager) => {
      const row = await this.lockThread(manager, thread.id);
      if (row.deletedAt) throw new ConflictError('This thread was deleted.');
      if (row.version !== input.version) throw new ConflictError('Someone changed this thread meanwhile; reload it and edit again.', 'version');
      const title = input.title ?? row.title;
      const body = input.body ?? row.body;
      const moderation = await this.content.moderate(manager, viewer, access, { kind: ContentKind.ForumThread, contentId: row.id, isEdit: true, title, body });
      // A held edit takes the thread out of view until it is reviewed.
      if (moderation.state === ModerationState.Held) row.moderationState = ModerationState.Held;
      await manager.insert(PostRevisionEntity, {
        id: uuidv7(),
        targetId: row.id,
        version: row.version,
        title: row.title,
        body: row.body,
        editedById: viewer.accountId,
        createdAt: this.clock.now(),
      });
      Object.assign(row, { title, body, bodyHtml: await this.content.renderPost(manager, row.communityId, row.id, body, 'forum'), tags: tags ?? row.tags, editedAt: this.clock.now(), version: row.version + 1 });
      await manager.save(row);
      await this.events.record(manager, threadEdited(row, viewer.accountId));
    });
    return this.get(viewer, thread.id);
  }

  /** A tombstone: the thread keeps its place and its replies; its text is gone from every view. */
  async delete(viewer: Viewer, threadId: string): Promise<LoadedThread> {
    const { thread, access } = await this.get(viewer, threadId);
    this.content.assert(viewer, ForumAction.Delete, access, thread.authorId);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockThread(manager, thread.id);
      if (row.deletedAt) return;
      await manager.update(ThreadEntity, row.id, { deletedAt: this.clock.now() });
      await this.events.record(manager, threadEdited(row, viewer.accountId, true));
      if (viewer.accountId !== row.authorId) await this.recordRemoval(manager, viewer, ContentKind.ForumThread, row.id, row.communityId, row.authorId);
    });
    return this.get(viewer, thread.id);
  }

  /** A thread the viewer may reply to now: they may read it and post in its community, and it is open for replies. */
  async replyable(viewer: Viewer, threadId: string): Promise<LoadedThread> {
    const loaded = await this.get(viewer, threadId);
    this.content.assert(viewer, ForumAction.Post, loaded.access, undefined, 'You cannot post in this community.');
    assertOpenForReplies(loaded.thread);
    return loaded;
  }

  async reply(viewer: Viewer, input: ReplyInput): Promise<{ reply: ReplyEntity; access: CommunityAccess }> {
    const { thread, access } = await this.replyable(viewer, input.threadId);
    const reply = await this.content.transaction(async (manager) => {
      if (input.replyToId && !(await manager.exists(ReplyEntity, { where: { id: input.replyToId, threadId: thread.id } }))) {
        throw ValidationError.field('replyToId', 'You can only quote a reply of the same thread.');
      }
      const now = this.clock.now();
      const replyId = uuidv7(now.getTime());
      // Judged and rendered before the thread's row is locked: the lock serializes every reply
      // to the thread, so it is held only for the insert and the thread's counters.
      const moderation = await this.content.moderate(manager, viewer, access, {
        kind: ContentKind.ForumReply,
        contentId: replyId,
        isEdit: false,
        title: null,
        body: input.body,
        placement: { threadId: thread.id, replyToId: input.replyToId ?? null },
      });
      const bodyHtml = await this.content.renderPost(manager, thread.communityId, replyId, input.body, 'forum');
      const row = await this.lockThread(manager, thread.id);
      assertOpenForReplies(row);
      const created = newReplyRow(
        { id: replyId, threadId: row.id, communityId: row.communityId, authorId: viewer.accountId, replyToId: input.replyToId ?? null, body: input.body, bodyHtml, moderationState: moderation.state },
        now,
      );
      await this.events.record(manager, replyCreated(created));
      await this.content.insert(manager, ReplyEntity, created);
      // A held reply counts in its thread once a moderator approves it.
      if (moderation.state === ModerationState.Visible) await countReply(manager, row, viewer.accountId, now);
      return created;
    });
    return { reply, access };
  }

  async editReply(viewer: Viewer, input: EditReplyInput): Promise<{ reply: ReplyEntity; access: CommunityAccess }> {
    const { reply, access } = await this.loadReply(viewer, input.replyId);
    this.content.assert(viewer, ForumAction.Edit, access, reply.authorId);
    const edited = await this.content.transaction(async (manager) => {
      const row = await manager.findOne(ReplyEntity, { where: { id: reply.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('The reply');
      if (row.deletedAt) throw new ConflictError('This reply was deleted.');
      if (row.version !== input.version) throw new ConflictError('Someone changed this reply meanwhile; reload it and edit again.', 'version');
      const moderation = await this.content.moderate(manager, viewer, access, { kind: ContentKind.ForumReply, contentId: row.id, isEdit: true, title: null, body: input.body });
      if (moderation.state === ModerationState.Held) row.moderationState = ModerationState.Held;
      await manager.insert(PostRevisionEntity, {
        id: uuidv7(),
        targetId: row.id,
        version: row.version,
        title: null,
        body: row.body,
        editedById: viewer.accountId,
        createdAt: this.clock.now(),
      });
      Object.assign(row, { body: input.body, bodyHtml: await this.content.renderPost(manager, row.communityId, row.id, input.body, 'forum'), editedAt: this.clock.now(), version: row.version + 1 });
      await manager.save(row);
      await this.events.record(manager, replyEdited(row, viewer.accountId));
      return row;
    });
    return { reply: edited, access };
  }

  /** Tombstones a reply; other people's replies quoting it keep theirs. An accepted answer stops being one. */
  async deleteReply(viewer: Viewer, replyId: string): Promise<{ reply: ReplyEntity; access: CommunityAccess }> {
    const { reply, access } = await this.loadReply(viewer, replyId);
    this.content.assert(viewer, ForumAction.Delete, access, reply.authorId);
    const deleted = await this.dataSource.transaction(async (manager) => {
      const thread = await this.lockThread(manager, reply.threadId);
      const row = await manager.findOne(ReplyEntity, { where: { id: reply.id } });
      if (!row) throw new NotFoundError('The reply');
      if (!row.deletedAt) {
        row.deletedAt = this.clock.now();
        await manager.save(row);
        await this.events.record(manager, replyEdited(row, viewer.accountId, true));
        if (thread.acceptedReplyId === row.id) {
          await manager.update(ThreadEntity, thread.id, { acceptedReplyId: null });
          await this.events.record(manager, threadEdited(thread, viewer.accountId));
        }
        if (viewer.accountId !== row.authorId) await this.recordRemoval(manager, viewer, ContentKind.ForumReply, row.id, row.communityId, row.authorId);
      }
      return row;
    });
    return { reply: deleted, access };
  }

  /** Marks a reply of this question as its answer (or another one instead). */
  async accept(viewer: Viewer, input: AcceptAnswerInput): Promise<LoadedThread> {
    const { thread, access } = await this.get(viewer, input.threadId);
    this.content.assert(viewer, ForumAction.Accept, access, thread.authorId, 'Only the asker or a moderator can accept an answer.');
    if (thread.kind !== ThreadKind.Question) throw ValidationError.field('threadId', 'Only questions have accepted answers.');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockThread(manager, thread.id);
      const reply = await manager.findOne(ReplyEntity, { where: { id: input.replyId } });
      if (!reply || reply.threadId !== row.id) throw ValidationError.field('replyId', 'Choose a reply of this question.');
      if (reply.deletedAt) throw ValidationError.field('replyId', 'This reply was deleted.');
      if (reply.moderationState !== ModerationState.Visible) throw ValidationError.field('replyId', 'This reply is awaiting review.');
      const now = this.clock.now();
      if (row.acceptedReplyId === reply.id) return;
      row.acceptedReplyId = reply.id;
      row.resolvedAt = row.resolvedAt ?? now;
      row.lastActivityAt = now;
      await manager.save(row);
      await this.events.record(manager, answerAccepted(row, reply, viewer.accountId));
    });
    return this.get(viewer, thread.id);
  }

  async setLocked(viewer: Viewer, threadId: string, locked: boolean): Promise<LoadedThread> {
    return this.moderateState(viewer, threadId, locked ? 'thread.lock' : 'thread.unlock', (row) => {
      row.lockedAt = locked ? (row.lockedAt ?? this.clock.now()) : null;
    });
  }

  async setPinned(viewer: Viewer, threadId: string, pinned: boolean): Promise<LoadedThread> {
    return this.moderateState(viewer, threadId, pinned ? 'thread.pin' : 'thread.unpin', (row) => {
      row.pinnedAt = pinned ? (row.pinnedAt ?? this.clock.now()) : null;
    });
  }

  /** Closes a thread as a duplicate of another in the same community (null reopens it). */
  async closeAsDuplicate(viewer: Viewer, threadId: string, duplicateOfId: string | null): Promise<LoadedThread> {
    return this.moderateState(viewer, threadId, duplicateOfId ? 'thread.close-as-duplicate' : 'thread.reopen', async (row, manager) => {
      if (duplicateOfId) {
        const original = await manager.findOne(ThreadEntity, { where: { id: duplicateOfId } });
        if (!original || original.communityId !== row.communityId || original.id === row.id) {
          throw ValidationError.field('duplicateOfId', 'Choose another thread of this community.');
        }
      }
      row.duplicateOfId = duplicateOfId;
    });
  }

  revisions(targetId: string): Promise<PostRevisionEntity[]> {
    return this.dataSource.getRepository(PostRevisionEntity).find({ where: { targetId }, order: { version: 'DESC' }, take: 100 });
  }

  /** A moderator's change to a thread's state, recorded in the audit log when it changed anything. */
  private async moderateState(
    viewer: Viewer,
    threadId: string,
    action: string,
    change: (row: ThreadEntity, manager: EntityManager) => void | Promise<void>,
  ): Promise<LoadedThread> {
    const { thread, access } = await this.get(viewer, threadId);
    this.content.assert(viewer, ForumAction.Moderate, access);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockThread(manager, thread.id);
      const state = () => ({ locked: row.lockedAt !== null, pinned: row.pinnedAt !== null, duplicateOfId: row.duplicateOfId });
      const before = state();
      await change(row, manager);
      const after = state();
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      await manager.save(row);
      await this.events.record(manager, threadStateChanged(row, viewer.accountId));
      await this.audit.record(manager, auditActorOf(viewer), { action, targetKind: ContentKind.ForumThread, targetId: row.id, communityId: row.communityId, before, after });
    });
    return this.get(viewer, thread.id);
  }

  /** A moderator removing someone else's post is a moderation action: it goes to the audit log. */
  private recordRemoval(manager: EntityManager, viewer: Viewer, kind: ContentKind, contentId: string, communityId: string, authorId: string): Promise<void> {
    return this.audit.record(manager, auditActorOf(viewer), {
      action: kind === ContentKind.ForumThread ? 'thread.remove' : 'reply.remove',
      targetKind: kind,
      targetId: contentId,
      communityId,
      before: { authorId, removed: false },
      after: { authorId, removed: true },
    });
  }

  private async loadReply(viewer: Viewer, replyId: string): Promise<{ reply: ReplyEntity; access: CommunityAccess }> {
    const reply = await this.dataSource.getRepository(ReplyEntity).findOne({ where: { id: replyId } });
    if (!reply) throw new NotFoundError('The reply');
    const access = await this.content.readable(viewer, reply.communityId, 'The reply');
    this.content.assertSees(viewer, access, reply.authorId, reply.moderationState, 'The reply');
    return { reply, access };
  }

  private async lockThread(manager: EntityManager, id: string): Promise<ThreadEntity> {
    const row = await manager.findOne(ThreadEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundError('The thread');
    return row;
  }
}
