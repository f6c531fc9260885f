// ESLint: JavaScript's and typescript-eslint's recommended rules over the sources, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'out/', 'test-results/', 'coverage/', 'node_modules/', 'seeds/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/functions/functions.ts'],
    rules: {
      // Excel passes whatever a cell holds: the custom-function signatures take `any` on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
