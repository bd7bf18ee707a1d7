import { aptInstall, image, scratch, stage, type Image, type Stage } from '@dockwright/core';

/** Debian's static BusyBox: one binary, from the distribution the Node images are built on. */
export const DEFAULT_STATIC_SERVER_BASE = 'debian:12.12-slim';

/** Where a static site is served from in the runtime image. */
export const STATIC_ROOT = '/www';

export interface StaticSiteOptions {
  /** The stage whose `from` folder is the site. */
  readonly built: Stage<boolean>;
  readonly from: string;
  /**
   * An image where `/bin/busybox` is a static BusyBox (nothing is installed then), or a Debian
   * image to install `busybox-static` in. Default: `debian:12.12-slim` with `busybox-static`.
   */
  readonly server?: Image;
  /** Whether `server` already has `/bin/busybox` (skips the apt install). */
  readonly serverHasBusybox?: boolean;
  readonly port: number;
  readonly uid: number;
  readonly gid: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly runtimeSteps?: (runtime: Stage<boolean>) => Stage<boolean>;
  readonly healthcheck?: { readonly path: string; readonly interval?: `${number}s` } | false;
}

/**
 * A static site on BusyBox httpd in an image FROM scratch: the binary, a passwd naming the
 * numeric user, and the site, read-only to that user, on an unprivileged port.
 */
export function staticSiteRuntime(o: StaticSiteOptions): Stage<true> {
  const base = o.server ?? image(DEFAULT_STATIC_SERVER_BASE);
  let httpd: Stage<boolean> = stage('httpd').from(base);
  if (o.serverHasBusybox !== true) httpd = httpd.run(aptInstall(['busybox-static']));
  httpd = httpd.run(
    `mkdir -p /rootfs/etc /rootfs/tmp && chmod 1777 /rootfs/tmp && cp /bin/busybox /rootfs/busybox && printf 'root:x:0:0:root:/:/sbin/nologin\\nwww:x:${o.uid}:${o.gid}:www:/nonexistent:/sbin/nologin\\n' > /rootfs/etc/passwd && printf 'root:x:0:\\nwww:x:${o.gid}:\\n' > /rootfs/etc/group`,
  );
  let runtime: Stage<boolean> = stage('runtime').from(scratch).copy(httpd, '/rootfs/', '/').copy(o.built, `/app/${o.from}/`, `${STATIC_ROOT}/`);
  if (o.labels !== undefined) runtime = runtime.label(o.labels);
  if (o.runtimeSteps !== undefined) runtime = o.runtimeSteps(runtime);
  let final: Stage<true> = runtime.user(`${o.uid}:${o.gid}`).expose(o.port);
  if (o.healthcheck) {
    final = final.healthcheck(['/busybox', 'wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${o.port}${o.healthcheck.path}`], {
      interval: o.healthcheck.interval ?? '30s',
      timeout: '5s',
      startPeriod: '5s',
      retries: 3,
    });
  }
  // -f: in the foreground, as PID 1; BusyBox httpd stops on SIGTERM.
  return final.cmd(['/busybox', 'httpd', '-f', '-v', '-p', String(o.port), '-h', STATIC_ROOT]);
}
