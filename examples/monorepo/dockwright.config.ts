// What `dockwright build` and `dockwright bake` give every image of the monorepo.
import { defineConfig } from 'dockwright';

export default defineConfig({
  build: {
    tags: ['registry.example.com/shop/{name}:1.0'],
  },
});
