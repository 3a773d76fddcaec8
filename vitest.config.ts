import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Adapter tests start real HTTP servers; give slow shared CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
