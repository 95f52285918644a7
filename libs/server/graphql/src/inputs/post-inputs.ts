import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsString, Length, MaxLength } from 'class-validator';
import { POST_BODY_MAX_LENGTH, POST_TITLE_MAX_LENGTH, TAGS_MAX } from '@commons/shared-contracts';
import { trim } from './input-helpers';

/**
 * The rules every kind of post shares (threads, blog posts, and whatever comes next), with the
 * messages people read: one place, so a forum and a blog never disagree about a title's length.
 */

/** A post's title: trimmed, 1 to POST_TITLE_MAX_LENGTH characters. */
export const PostTitle = () =>
  applyDecorators(Transform(trim), Length(1, POST_TITLE_MAX_LENGTH, { message: `Enter a title of 1 to ${POST_TITLE_MAX_LENGTH} characters.` }));

/** A post's Markdown body, at most POST_BODY_MAX_LENGTH characters; only a draft may be empty. */
export const PostBody = (options: { mayBeEmpty?: boolean } = {}) =>
  applyDecorators(
    IsString(),
    options.mayBeEmpty
      ? MaxLength(POST_BODY_MAX_LENGTH, { message: `Write at most ${POST_BODY_MAX_LENGTH.toLocaleString('en')} characters.` })
      : Length(1, POST_BODY_MAX_LENGTH, { message: `Write 1 to ${POST_BODY_MAX_LENGTH.toLocaleString('en')} characters.` }),
  );

/** Tags as people type them (the service normalises them): at most TAGS_MAX. */
export const PostTags = () => applyDecorators(ArrayMaxSize(TAGS_MAX, { message: `Use at most ${TAGS_MAX} tags.` }), IsString({ each: true }), MaxLength(60, { each: true }));
