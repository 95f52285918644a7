import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types the web client's operations from the committed schema (`npm run codegen`).
 * Operations live in `.graphql` files under libs/web/<lib>/src (the API derives its
 * operation limits from them); the typed documents land in web-data-access.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'apps/api/schema.graphql',
  documents: ['libs/web/*/src/**/*.graphql'],
  generates: {
    'libs/web/data-access/src/generated/': {
      preset: 'client',
      presetConfig: {
        // Components read plain typed results; fragments only share selections.
        fragmentMasking: false,
      },
      config: {
        // String unions line up with the PlatformRole type in @commons/shared-contracts.
        enumType: 'string-literal',
        scalars: { DateTime: 'string' },
        strictScalars: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
