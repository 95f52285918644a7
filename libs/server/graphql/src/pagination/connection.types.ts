import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ReadableWithParent } from '../authorization/authorization.decorators';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
@ReadableWithParent()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Forward pagination arguments of every list: `first` (1–100) items after the opaque cursor `after`. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Present on connections made with `{ totalCount: true }`. */
  totalCount?: number;
}

/**
 * A Relay connection type for `node`: `<Name>Connection { edges { cursor node } pageInfo }`,
 * with `totalCount` when asked (its query must count only what the viewer may see).
 */
export function ConnectionType<T>(node: Type<T>, name: string, options: { totalCount?: boolean } = {}): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  @ReadableWithParent()
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  // With a count, the plain shape is an abstract base of the counted type, not a type of its own.
  @ObjectType(`${name}Connection`, { isAbstract: options.totalCount === true })
  @ReadableWithParent()
  class Connection {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  if (!options.totalCount) return Connection;

  @ObjectType(`${name}Connection`)
  @ReadableWithParent()
  class CountedConnection extends Connection {
    @Field(() => Int, { description: 'How many items match in all, counting only what the viewer may see.' })
    totalCount: number;
  }
  return CountedConnection;
}
