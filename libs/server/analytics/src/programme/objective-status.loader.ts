import { Injectable } from '@nestjs/common';
import type { ObjectiveType } from '@commons/server-communities';
import { LoaderKey, type GraphqlContext } from '@commons/server-graphql';
import { ObjectiveStatusService, type ObjectiveStatusResult } from './objective-status.service';

/** Statuses of the objectives a request shows, computed together (one statement for the daily metrics). */
const STATUS = new LoaderKey<ObjectiveType, ObjectiveStatusResult>('objective-status');

@Injectable()
export class ObjectiveStatusLoader {
  constructor(private readonly statuses: ObjectiveStatusService) {}

  status(ctx: GraphqlContext) {
    return ctx.loaders.get(STATUS, (objectives) => this.statuses.statuses(objectives));
  }
}
