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
);
