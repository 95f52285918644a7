/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ViewerFields on Account {\n  id\n  displayName\n  initials\n  email\n  department\n  title\n  role\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}\n\nquery PlatformSettings {\n  platformSettings {\n    openRegistration\n  }\n}\n\nquery Invitation($token: String!) {\n  invitation(token: $token) {\n    email\n    role\n    expiresAt\n    usable\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    account {\n      ...ViewerFields\n    }\n  }\n}\n\nmutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    account {\n      ...ViewerFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input)\n}": typeof types.ViewerFieldsFragmentDoc,
    "mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {\n  updatePlatformSettings(input: $input) {\n    openRegistration\n  }\n}\n\nmutation CreateInvite($input: CreateInviteInput!) {\n  createInvite(input: $input) {\n    token\n    url\n    invitation {\n      email\n      role\n      expiresAt\n    }\n  }\n}": typeof types.UpdatePlatformSettingsDocument,
    "query People($first: Int!, $after: String, $search: String) {\n  accounts(first: $first, after: $after, search: $search) {\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        initials\n        department\n        title\n        role\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.PeopleDocument,
};
const documents: Documents = {
    "fragment ViewerFields on Account {\n  id\n  displayName\n  initials\n  email\n  department\n  title\n  role\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}\n\nquery PlatformSettings {\n  platformSettings {\n    openRegistration\n  }\n}\n\nquery Invitation($token: String!) {\n  invitation(token: $token) {\n    email\n    role\n    expiresAt\n    usable\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    account {\n      ...ViewerFields\n    }\n  }\n}\n\nmutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    account {\n      ...ViewerFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input)\n}": types.ViewerFieldsFragmentDoc,
    "mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {\n  updatePlatformSettings(input: $input) {\n    openRegistration\n  }\n}\n\nmutation CreateInvite($input: CreateInviteInput!) {\n  createInvite(input: $input) {\n    token\n    url\n    invitation {\n      email\n      role\n      expiresAt\n    }\n  }\n}": types.UpdatePlatformSettingsDocument,
    "query People($first: Int!, $after: String, $search: String) {\n  accounts(first: $first, after: $after, search: $search) {\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        initials\n        department\n        title\n        role\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.PeopleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ViewerFields on Account {\n  id\n  displayName\n  initials\n  email\n  department\n  title\n  role\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}\n\nquery PlatformSettings {\n  platformSettings {\n    openRegistration\n  }\n}\n\nquery Invitation($token: String!) {\n  invitation(token: $token) {\n    email\n    role\n    expiresAt\n    usable\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    account {\n      ...ViewerFields\n    }\n  }\n}\n\nmutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    account {\n      ...ViewerFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input)\n}"): (typeof documents)["fragment ViewerFields on Account {\n  id\n  displayName\n  initials\n  email\n  department\n  title\n  role\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}\n\nquery PlatformSettings {\n  platformSettings {\n    openRegistration\n  }\n}\n\nquery Invitation($token: String!) {\n  invitation(token: $token) {\n    email\n    role\n    expiresAt\n    usable\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    account {\n      ...ViewerFields\n    }\n  }\n}\n\nmutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    account {\n      ...ViewerFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {\n  updatePlatformSettings(input: $input) {\n    openRegistration\n  }\n}\n\nmutation CreateInvite($input: CreateInviteInput!) {\n  createInvite(input: $input) {\n    token\n    url\n    invitation {\n      email\n      role\n      expiresAt\n    }\n  }\n}"): (typeof documents)["mutation UpdatePlatformSettings($input: UpdatePlatformSettingsInput!) {\n  updatePlatformSettings(input: $input) {\n    openRegistration\n  }\n}\n\nmutation CreateInvite($input: CreateInviteInput!) {\n  createInvite(input: $input) {\n    token\n    url\n    invitation {\n      email\n      role\n      expiresAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query People($first: Int!, $after: String, $search: String) {\n  accounts(first: $first, after: $after, search: $search) {\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        initials\n        department\n        title\n        role\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query People($first: Int!, $after: String, $search: String) {\n  accounts(first: $first, after: $after, search: $search) {\n    edges {\n      cursor\n      node {\n        id\n        displayName\n        initials\n        department\n        title\n        role\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;