import { dockerfile, DockwrightError, scratch, stage, type Image, type Stage, type StageSource } from '@dockwright/core';
import { dockerignore } from '../shared/dockerignore.js';
import type { PresetResult } from '../shared/preset-result.js';

/** Options of the static-binary preset. */
export interface StaticPresetOptions {
  /** Where the binary comes from: a path in the build context, or a path in a build stage. */
  readonly binary: string | { readonly from: StageSource; readonly path: string };
  /** An image with a shell, CA certificates and tzdata, used to assemble the root filesystem. */
  readonly images: { readonly rootfs: Image };
  /** Name of the binary in the image (default: its file name). */
  readonly name?: string;
  readonly caCertificates?: boolean;
  readonly tzdata?: boolean;
  readonly args?: readonly string[];
  readonly port?: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly runtimeSteps?: (runtime: Stage<boolean>) => Stage<boolean>;
}

/**
 * Any static binary into scratch, with `/etc/passwd` and `/etc/group` naming the `nonroot` user
 * (65532), CA certificates and optional tzdata, running as 65532.
 *
 * @example
 * ```ts
 * const { dockerfile } = staticPreset({ binary: 'bin/server', images: { rootfs: image('debian:12.8-slim') } });
 * ```
 */
export function staticPreset(options: StaticPresetOptions): PresetResult {
  const path = typeof options.binary === 'string' ? options.binary : options.binary.path;
  const name = options.name ?? path.split('/').pop() ?? 'app';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new DockwrightError([{ code: 'DW9003', message: `"${name}" is not a plain file name`, hint: 'pass name: with letters, digits, . _ -', path: { instruction: 'staticPreset()' } }]);
  }
  // The users a scratch image needs, written where a shell exists, then copied as one directory.
  let rootfs: Stage<boolean> = stage('rootfs')
    .from(options.images.rootfs)
    .run(
      "mkdir -p /rootfs/etc /rootfs/tmp && chmod 1777 /rootfs/tmp && printf 'root:x:0:0:root:/root:/sbin/nologin\\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\\n' > /rootfs/etc/passwd && printf 'root:x:0:\\nnonroot:x:65532:\\n' > /rootfs/etc/group",
    );
  if (options.caCertificates !== false) rootfs = rootfs.run('mkdir -p /rootfs/etc/ssl/certs && cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/');
  if (options.tzdata === true) rootfs = rootfs.run('mkdir -p /rootfs/usr/share && cp -r /usr/share/zoneinfo /rootfs/usr/share/');
  let runtime: Stage<boolean> = stage('runtime').from(scratch).copy(rootfs, '/rootfs/', '/');
  runtime =
    typeof options.binary === 'string'
      ? runtime.copy(options.binary, `/${name}`, { chmod: '755' })
      : runtime.copy(options.binary.from, options.binary.path, `/${name}`);
  if (options.labels !== undefined) runtime = runtime.label(options.labels);
  if (options.runtimeSteps !== undefined) runtime = options.runtimeSteps(runtime);
  let final: Stage<true> = runtime.user('65532:65532');
  if (options.port !== undefined) final = final.expose(options.port);
  final = final.entrypoint([`/${name}`, ...(options.args ?? [])]);
  return Object.freeze({ dockerfile: dockerfile(final), dockerignore: dockerignore([]), context: '.' });
}
