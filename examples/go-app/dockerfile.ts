// A Go service cross-compiled on the build platform and shipped in scratch as uid 65532,
// written with @dockwright/core alone.
import { bindMount, cacheMount, dockerfile, image, platformArgs, scratch, stage, tpl } from '@dockwright/core';

const { BUILDPLATFORM, TARGETOS, TARGETARCH } = platformArgs;
const golang = image('golang:1.23.4-bookworm').pinDigest('sha256:2e838582004fab0931693a3a84743ceccfbfeeafa8187e87291a1afea457ff7a');

const build = stage('build')
  .from(golang)
  .platform(BUILDPLATFORM)
  .workdir('/src')
  // Modules download once per go.mod/go.sum change, for every target platform.
  .run('go mod download')
  .withMounts(
    bindMount('go.mod', { source: 'go.mod' }),
    bindMount('go.sum', { source: 'go.sum' }),
    cacheMount('/go/pkg/mod', { sharing: 'locked' }),
  )
  // Declared after the download, so a new target platform reuses the module layer.
  .arg(TARGETOS)
  .arg(TARGETARCH)
  .run(tpl`CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server`)
  .withMounts(
    bindMount('.', { source: '.' }),
    cacheMount('/go/pkg/mod', { sharing: 'locked' }),
    cacheMount('/root/.cache/go-build'),
  );

const runtime = stage('runtime')
  .from(scratch)
  .copy(build, '/out/server', '/server')
  .user('65532:65532')
  .expose(8080)
  .entrypoint(['/server']);

/** The Dockerfile of the example Go service. */
export const goApp = dockerfile(runtime);
