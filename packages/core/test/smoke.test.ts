import { describe, expect, it } from 'vitest';
import { dockerfile, stage } from '@dockwright/core';

describe('dockerfile()', () => {
  it('renders a minimal non-root stage', () => {
    const app = stage('app').from('debian:12.8-slim').user('10001:10001').cmd(['/bin/true']);
    expect(dockerfile(app).render()).toBe('FROM debian:12.8-slim AS app\nUSER 10001:10001\nCMD ["/bin/true"]\n');
  });
});
