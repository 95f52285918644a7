import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DailyViews, DomainEvents } from '@commons/server-core';

/** Thread views, unique per person and day (see DailyViews): the threads' view_count. */
@Injectable()
export class ThreadViews extends DailyViews {
  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock, events: DomainEvents) {
    super(dataSource, clock, events, { thing: 'thread', views: 'forum_thread_views', key: 'thread_id', things: 'forum_threads', community: 'community_id' });
  }
}
