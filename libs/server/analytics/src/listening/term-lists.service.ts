import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { Clock, ConflictError, NotFoundError, uuidv7, ValidationError } from '@commons/server-core';
import { foldTerm } from '@commons/server-moderation';
import { isMatchableTerm, TERM_LIST_KINDS, type TermListKind } from './post-analyzer';

export interface TermList {
  id: string;
  key: string;
  name: string;
  kind: TermListKind;
  terms: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface SaveTermList {
  /** Absent: a new list. */
  id?: string | null;
  key: string;
  name: string;
  kind: TermListKind;
  terms: readonly string[];
}

export const TERM_LIST_LIMITS = { terms: 500, termLength: 100, nameLength: 100 } as const;
const KEY = /^[a-z0-9][a-z0-9-]{1,39}$/u;
const UNIQUE_VIOLATION = '23505';

interface TermListRow {
  id: string;
  key: string;
  name: string;
  kind: TermListKind;
  terms: string[];
  created_at: Date;
  updated_at: Date;
}

const toTermList = (r: TermListRow): TermList => ({ id: r.id, key: r.key, name: r.name, kind: r.kind, terms: r.terms, createdAt: r.created_at, updatedAt: r.updated_at });

/**
 * The term lists the organisation maintains for listening: its own brands and products (OWN)
 * and its competitors' (COMPETITOR). Share of voice counts their mentions; posts scored after a
 * change are counted with the new terms.
 */
@Injectable()
export class TermListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<TermList[]> {
    const rows: TermListRow[] = await this.dataSource.query(`SELECT id, key, name, kind, terms, created_at, updated_at FROM listening_term_lists ORDER BY kind DESC, name, key`);
    return rows.map(toTermList);
  }

  async save(input: SaveTermList): Promise<TermList> {
    const list = checkTermList(input);
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const taken: unknown[] = await manager.query(`SELECT 1 FROM listening_term_lists WHERE key = $1 AND id IS DISTINCT FROM $2::uuid`, [list.key, input.id ?? null]);
        if (taken.length > 0) throw new ConflictError(`Another term list is called "${list.key}".`, 'key');
        if (!input.id) {
          const rows: TermListRow[] = await manager.query(
            `INSERT INTO listening_term_lists (id, key, name, kind, terms, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
             RETURNING id, key, name, kind, terms, created_at, updated_at`,
            [uuidv7(now.getTime()), list.key, list.name, list.kind, list.terms, now],
          );
          return toTermList(rows[0]);
        }
        const [rows]: [TermListRow[], number] = await manager.query(
          `UPDATE listening_term_lists SET key = $2, name = $3, kind = $4, terms = $5, updated_at = $6 WHERE id = $1
           RETURNING id, key, name, kind, terms, created_at, updated_at`,
          [input.id, list.key, list.name, list.kind, list.terms, now],
        );
        if (rows.length === 0) throw new NotFoundError('The term list');
        return toTermList(rows[0]);
      });
    } catch (error) {
      // Two lists saved with one key at the same time.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictError(`Another term list is called "${list.key}".`, 'key');
      }
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [Array<{ id: string }>, number] = await manager.query(`DELETE FROM listening_term_lists WHERE id = $1 RETURNING id`, [id]);
      if (rows.length === 0) throw new NotFoundError('The term list');
    });
  }
}

/** The list as stored: trimmed, terms once each (as they fold), every term matchable. */
export function checkTermList(input: SaveTermList): Omit<SaveTermList, 'id'> & { terms: string[] } {
  const key = input.key.trim();
  if (!KEY.test(key)) throw ValidationError.field('key', 'Use 2 to 40 lower-case letters, digits and hyphens, starting with a letter or digit.');
  const name = input.name.trim();
  if (name.length === 0 || name.length > TERM_LIST_LIMITS.nameLength) throw ValidationError.field('name', `Give the list a name of at most ${TERM_LIST_LIMITS.nameLength} characters.`);
  if (!TERM_LIST_KINDS.includes(input.kind)) throw ValidationError.field('kind', `The kind is one of ${TERM_LIST_KINDS.join(', ')}.`);
  if (input.terms.length > TERM_LIST_LIMITS.terms) throw ValidationError.field('terms', `A list has at most ${TERM_LIST_LIMITS.terms} terms.`);
  const terms: string[] = [];
  const seen = new Set<string>();
  input.terms.forEach((raw, i) => {
    const term = raw.trim().replace(/\s+/gu, ' ');
    if (term.length > TERM_LIST_LIMITS.termLength) throw ValidationError.field(`terms.${i}`, `A term has at most ${TERM_LIST_LIMITS.termLength} characters.`);
    if (!isMatchableTerm(term)) throw ValidationError.field(`terms.${i}`, `"${raw}" needs at least two letters or digits to be matched.`);
    const folded = foldTerm(term).join(' ');
    if (seen.has(folded)) return;
    seen.add(folded);
    terms.push(term);
  });
  return { key, name, kind: input.kind, terms };
}
