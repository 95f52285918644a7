import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DailyViews, DomainEvents } from '@commons/server-core';

/** Article views, unique per person and day (see DailyViews): the articles' view_count. */
@Injectable()
export class ArticleViews extends DailyViews {
  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock, events: DomainEvents) {
    super(dataSource, clock, events, { thing: 'article', views: 'knowledge_article_views', key: 'article_id', things: 'knowledge_articles', community: 'community_id' });
  }
}
