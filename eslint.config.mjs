import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-h5/**', '**/cdk.out/**', '.data/**', 'bench/tmp/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // PINs, ID numbers and tokens must go through the redacting logger.
      'no-console': ['warn', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Bundles alias ElectroDB's own require of lib-dynamodb to a module without commands
    // (decision 0215): the Lambdas' code takes the real commands through `#lib-dynamodb`.
    files: ['functions/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@aws-sdk/lib-dynamodb', allowTypeImports: true, message: "Lambda code imports lib-dynamodb's commands from '#lib-dynamodb' (decision 0215)." }] },
      ],
    },
  },
  {
    // A value read through a DTO namespace (`documentDto.MAX_DOCUMENT_BYTES`) keeps every schema of
    // that area in a bundle, built at cold start (decision 0246); types through it are fine.
    files: ['functions/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'MemberExpression[object.name=/Dto$/]', message: "Import the value by name from '@seal/shared' (a DTO namespace keeps every schema in the bundle, decision 0246)." },
      ],
    },
  },
);
