// Valid and invalid Dockerfiles for every rule of the catalogue. Each invalid case must raise the
// rule, each valid case must not; `options` turns policy rules on.
import type { LintOptions } from '@dockwright/core';

export interface RuleCase {
  readonly invalid: readonly string[];
  readonly valid: readonly string[];
  readonly options?: LintOptions;
  /** The message of the first invalid case's finding, to pin the wording. */
  readonly message?: string;
}

const sha = 'sha256:' + 'a'.repeat(64);

export const ruleCases: Readonly<Record<string, RuleCase>> = {
  DW1001: {
    invalid: ['FROM busybox\n', 'ARG BASE=debian\nFROM ${BASE}\n'],
    valid: ['FROM busybox:1.37\n', `FROM busybox@${sha}\n`, 'FROM scratch\n', 'FROM debian:12 AS base\nFROM base\n'],
    message: 'image "busybox" has no tag or digest',
  },
  DW1002: {
    invalid: ['FROM node:latest\n', 'ARG V=latest\nFROM node:$V\n'],
    valid: [`FROM debian:latest@${sha}\n`, 'FROM node:22\n', 'FROM node:latest-ish\n'],
    message: 'image "node:latest" floats with the latest tag',
  },
  DW1003: {
    invalid: ['FROM Node:22\n', 'FROM node:-x\n'],
    valid: ['FROM ghcr.io/acme/app:1.2.3\n', 'FROM localhost:5000/app:1\n'],
    message: '"Node:22" is not a valid image reference',
  },
  DW1004: {
    invalid: ['FROM node:22@sha256:abc\n'],
    valid: [`FROM node:22@${sha}\n`],
    message: 'digest "sha256:abc" is not sha256: and 64 lowercase hex digits',
  },
  DW1005: {
    invalid: ['FROM --platform=linux/amd64 debian:12\n', 'FROM --platform=$TARGETPLATFORM debian:12\n'],
    valid: ['FROM --platform=$BUILDPLATFORM golang:1.23\n', 'FROM --platform=linux/arm64 debian:12 AS build-arm64\n'],
    message: 'FROM --platform=linux/amd64 is a constant',
  },
  DW1006: {
    invalid: ['ARG TAG\nFROM node:${TAG}\n', 'FROM node:${UNDECLARED}\n'],
    valid: ['ARG VARIANT\nFROM busybox:1.37${VARIANT}\n', 'ARG TAG=22\nFROM node:${TAG}\n', 'ARG TAG\nFROM node:${TAG:-22}\n', 'FROM --platform=$BUILDPLATFORM node:22\n'],
    message: 'ARG TAG used in FROM has no default',
  },
  DW1009: {
    invalid: ['FROM node:22\n', 'FROM ghcr.io/other/app:1\n'],
    valid: ['FROM ghcr.io/acme/app:1\n', 'FROM registry.acme.dev/base:2\n'],
    options: { allowedRegistries: ['ghcr.io/acme', 'registry.acme.dev'] },
    message: 'image "node:22" is from docker.io/library/node, outside the allowed registries',
  },
  DW1010: {
    invalid: ['FROM node:22\n'],
    valid: [`FROM node:22@${sha}\n`],
    options: { rules: { DW1010: 'error' } },
    message: 'image "node:22" is not pinned by digest',
  },
  DW1011: {
    invalid: ['# syntax=docker/dockerfile:1\nFROM debian:12\n'],
    valid: [`# syntax=docker/dockerfile:1.7@${sha}\nFROM debian:12\n`, 'FROM debian:12\n'],
    options: { rules: { DW1011: 'warn' } },
    message: '# syntax=docker/dockerfile:1 is not pinned by digest',
  },
  DW2001: {
    invalid: ['FROM debian:12 AS Build\n'],
    valid: ['FROM debian:12 AS build-1.x\n'],
    message: 'stage name "Build" must be lowercase: letters, digits, - _ and ., starting with a letter',
  },
  DW2002: {
    invalid: ['FROM debian:12 AS context\n', 'FROM debian:12 AS scratch\n'],
    valid: ['FROM debian:12 AS ctx\n'],
    message: '"context" is a reserved stage name',
  },
  DW2003: {
    invalid: ['FROM debian:12 AS build\nFROM debian:12 AS build\n'],
    valid: ['FROM debian:12 AS build\nFROM build AS test\n'],
    message: 'two different stages are named "build"',
  },
  DW2004: {
    invalid: ['FROM debian:12 AS app\nCOPY --from=app /a /b\n', 'FROM debian:12 AS app\nRUN --mount=type=bind,from=app,target=/x true\n'],
    valid: ['FROM debian:12 AS build\nFROM debian:12 AS app\nCOPY --from=build /a /b\n'],
    message: 'stage "app" refers to itself',
  },
  DW2005: {
    invalid: ['FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build / /\n'],
    valid: ['FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /out/ /app/\n', 'FROM debian:12\nCOPY / /ctx/\n'],
    message: 'COPY --from=build / copies a whole filesystem',
  },
  DW2006: {
    invalid: ['LABEL a.b=c\nFROM debian:12\n'],
    valid: ['ARG V=12\nFROM debian:$V\n'],
    message: 'LABEL comes before the first FROM',
  },
  DW2007: {
    invalid: ['FROM debian:12\nCOPY --from=biuld /a /b\n', 'FROM debian:12 AS app\nCOPY --from=later /a /b\nFROM debian:12 AS later\n', 'FROM debian:12\nRUN --mount=type=bind,from=busybox,target=/t true\n'],
    valid: ['FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /a /b\n', 'FROM debian:12 AS tools\nFROM debian:12\nRUN --mount=type=bind,from=tools,target=/t true\n', 'FROM debian:12\nRUN --mount=type=bind,from=busybox:1.37,target=/t true\n', 'FROM debian:12\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', 'FROM debian:12\nFROM debian:12\nCOPY --from=0 /a /b\n'],
    message: '--from=biuld names no earlier stage',
  },
  DW2008: {
    invalid: ['FROM debian:12\nRUN apt-get install -y gcc\nUSER 1\n', 'FROM debian:12\nRUN apk add --no-cache openssl-dev\nUSER 1\n', 'FROM golang:1.23\nUSER 1\n', 'FROM debian:12\nRUN apt-get install -y gcc/bookworm-backports\nUSER 1\n'],
    valid: ['FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12\nUSER 1\n', 'FROM debian:12\nRUN pip install make\nUSER 1\n', 'FROM debian:12\nRUN apt-get install -y curl\nUSER 1\n'],
    options: { rules: { DW2008: 'error' } },
    message: 'build tool "gcc" is in the final image',
  },
  DW3001: {
    invalid: ['FROM debian:12\nCMD ["bash"]\n', 'FROM debian:12\nUSER 10001\nUSER root\n', 'FROM debian:12 AS a\nUSER 1\nFROM debian:12\n'],
    valid: ['FROM debian:12\nUSER 10001:10001\n', 'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["x"]\n', 'FROM debian:12\n# dockwright:allow DW3001 binds port 80\nCMD ["x"]\n'],
    message: 'the final stage runs as root',
  },
  DW3002: {
    invalid: ['FROM debian:12\nUSER a:b:c\n', 'FROM debian:12\nCOPY --chown=a!b x /x\nUSER 1\n'],
    valid: ['FROM debian:12\nUSER www-data:www-data\n', 'FROM debian:12\nUSER $APP_UID\n', 'FROM debian:12\nCOPY --chown=10001:10001 x /x\nUSER 1\n'],
    message: '"a:b:c" is not a valid user',
  },
  DW3008: {
    invalid: ['FROM debian:12\nCMD ["x"]\n', 'FROM debian:12\n# dockwright:allow DW3001 binds port 80\nUSER root\n', 'FROM debian:12 AS base\nUSER 0\nFROM base\n'],
    valid: ['FROM debian:12\nUSER 10001\n', 'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["x"]\n'],
    options: { rules: { DW3008: 'error' } },
    message: 'the final stage runs as root, and the policy forbids root',
  },
  DW3005: {
    invalid: ['FROM debian:12\nRUN sudo apt-get update\n', 'FROM debian:12\nRUN echo x && sudo -u app make\n'],
    valid: ['FROM debian:12\nRUN apt-get update\n', 'FROM debian:12\nRUN echo "use sudo"\n'],
    message: 'RUN uses sudo',
  },
  DW3006: {
    invalid: ['FROM debian:12\nRUN useradd -u 1000000 app\n', 'FROM debian:12\nRUN useradd --uid=2000000 app\n'],
    valid: ['FROM debian:12\nRUN useradd -l -u 1000000 app\n', 'FROM debian:12\nRUN useradd --no-log-init --uid 1000000 app\n', 'FROM debian:12\nRUN useradd -u 10001 app\n'],
    message: 'useradd with uid 1000000 and without -l',
  },
  DW3007: {
    invalid: ['FROM debian:12\nUSER app\n', 'FROM debian:12\nUSER 10001:app\n', 'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["x"]\n'],
    valid: ['FROM debian:12\nUSER 10001:10001\n', 'FROM debian:12 AS build\nUSER app\nFROM debian:12\nUSER 1\n'],
    options: { rules: { DW3007: 'error' } },
    message: 'USER app is a name, not a uid',
  },
  DW4001: {
    invalid: ['FROM debian:12\nENV GITHUB_TOKEN=x\n', 'ARG NPM_AUTH\nFROM debian:12\n', 'FROM debian:12\nARG DB_PASSWORD\n'],
    valid: ['FROM debian:12\nENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA\n', 'FROM debian:12\nENV TOKEN_FILE=/run/secrets/t TOKENS=3 KEYBOARD=us PUBLIC_KEY=k GPG_KEY=ABCD\n'],
    message: 'ENV GITHUB_TOKEN looks like a secret; it would be stored in the image',
  },
  DW4003: {
    invalid: ['FROM debian:12\nCOPY .env /app/\n', 'FROM debian:12\nCOPY .npmrc package.json /app/\n', 'FROM debian:12\nADD certs/server.key /etc/ssl/\n'],
    valid: ['FROM debian:12\nCOPY .env.example /app/\n', 'FROM debian:12\nCOPY id_rsa.pub /root/.ssh/\n', 'FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /app/.npmrc /x/\n'],
    message: '.env looks like a secret file; copying it stores it in the image',
  },
  DW5009: {
    invalid: ['FROM debian:12\nRUN apt-get update && apt-get install curl\n'],
    valid: ['FROM debian:12\nRUN apt-get install -q -q curl\n', 'FROM debian:12\nRUN apt-get install -y curl\n', 'FROM debian:12\nRUN apt-get -qq install curl\n', 'FROM debian:12\nRUN apt-get install --assume-yes curl\n', 'FROM debian:12\nRUN apt-get install -s curl\n'],
    message: 'apt-get install without -y',
  },
  DW5010: {
    invalid: ['FROM debian:12\nRUN apt-get install -y curl\n'],
    valid: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', 'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/no-rec\nRUN apt-get install -y curl\n'],
    message: 'apt-get install without --no-install-recommends',
  },
  DW5011: {
    invalid: ['FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends curl\n'],
    valid: [
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      'FROM debian:12\nRUN apt-get install --update -y curl; apt-get dist-clean\n',
      'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n',
      'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nUSER 1\n',
    ],
    message: 'apt lists are not removed in the RUN that installs',
  },
  DW5012: {
    invalid: ['FROM debian:12\nRUN apt install -y curl\n'],
    valid: ['FROM debian:12\nRUN apt-get install -y curl\n'],
    message: 'apt install in a script',
  },
  DW5013: {
    invalid: ['FROM alpine:3.20\nRUN apk add curl\n', 'FROM alpine:3.20\nRUN apk update && apk add --virtual .deps gcc\n'],
    valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n', 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n', 'FROM alpine:3.20\nRUN apk add --no-network --virtual .run $deps\n'],
    message: 'apk add without --no-cache',
  },
  DW5014: {
    invalid: ['FROM fedora:41\nRUN dnf install curl\n', 'FROM centos:7\nRUN yum install curl\n', 'FROM opensuse/leap:15\nRUN zypper install curl\n', 'FROM fedora:40\nRUN dnf groupinstall "Development Tools" && dnf clean all\n'],
    valid: ['FROM fedora:41\nRUN dnf install -y curl\n', 'FROM opensuse/leap:15\nRUN zypper -n install curl\n', 'FROM ubi9/ubi-minimal:9\nRUN microdnf install curl\n'],
    message: 'dnf install without -y',
  },
  DW5015: {
    invalid: ['FROM fedora:41\nRUN dnf install -y curl\n', 'FROM opensuse/leap:15\nRUN zypper -n install curl\n', 'FROM fedora:40\nRUN dnf clean all && dnf install -y httpd-2.4.62\n', 'FROM fedora:40\nRUN dnf groupinstall -y "Development Tools"\n'],
    valid: ['FROM fedora:41\nRUN dnf install -y curl && dnf clean all\n', 'FROM fedora:41\nRUN dnf install -y curl && rm -rf /var/cache/dnf\n', 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y curl\n'],
    message: 'dnf install without a clean in the same RUN',
  },
  DW5016: {
    invalid: ['FROM python:3.12\nRUN pip install flask\n', 'FROM python:3.12\nRUN python3 -m pip install flask\n', 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n', 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=0 pip install flask\n'],
    valid: ['FROM python:3.12\nRUN pip install --no-cache-dir flask\n', 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n', 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n'],
    message: 'pip install without --no-cache-dir',
  },
  DW5017: {
    invalid: ['FROM debian:12\nRUN apt-get install -y curl\n', 'FROM python:3.12\nRUN pip install flask\n', 'FROM node:22\nRUN npm install -g pnpm\n', 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n', 'FROM ruby:3\nRUN gem i rails\n', 'FROM golang:1.23\nRUN go run golang.org/x/tools/cmd/stringer\n', 'FROM python:3.12\nRUN pip install git+https://github.com/psf/requests\n', 'FROM fedora:40\nRUN dnf install -y httpd\n', 'FROM centos:7\nRUN yum install -y httpd\n', 'FROM opensuse/leap:15\nRUN zypper install -y curl\n'],
    valid: ['FROM python:3.12\nRUN pip install --root-user-action ignore flask==3.0.0\n', 'FROM node:22\nRUN npm --loglevel verbose install left-pad@1.3.0\n', 'FROM python:3.12\nRUN pip install .\n', 'FROM node:22\nRUN npm install ~/folder\n', 'FROM golang:1.23\nRUN go install . && go run ./cmd/tool && go run main.go\n', 'FROM python:3.12\nRUN pip install git+https://github.com/psf/requests@v2.32.3\n', 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n', 'FROM opensuse/leap:15\nRUN zypper install -y curl=8.6.0\n', 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n', 'FROM python:3.12\nRUN pip install flask==3.0.0 -r req.txt\n', 'FROM node:22\nRUN npm install -g pnpm@9.12.0\n', 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1\n', 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n'],
    options: { rules: { DW5017: 'warn' } },
    message: 'apt-get installs curl without a version',
  },
  DW5018: {
    invalid: ['FROM debian:12\nRUN echo a\nRUN echo b\n'],
    valid: ['FROM debian:12\nRUN echo a && echo b\n', 'FROM debian:12\nRUN echo a\nRUN --mount=type=cache,target=/c echo b\n', 'FROM debian:12\nRUN echo a\nCOPY x /x\nRUN echo b\n'],
    message: 'this RUN follows another RUN with the same options',
  },
  DW5019: {
    invalid: ['FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n', 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN wget -O- x | tar x\n'],
    valid: [
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL x | sh\n',
      'FROM debian:12\nRUN set -eux -o pipefail; curl -fsSL x | sh\n',
      'FROM debian:12\nRUN echo "$SUM  f.tgz" | sha256sum -c -\n',
      'FROM debian:12\nRUN case "$a" in amd64|arm64) echo ok ;; esac\n',
      'FROM debian:12\nRUN locale -a | grep en_US\n',
    ],
    message: 'a pipe without pipefail: a failure before the last | is ignored',
  },
  DW5020: {
    invalid: ['FROM debian:12\nRUN cd /app && make\n', 'FROM debian:12\nRUN cd src; make\n'],
    valid: [
      'FROM debian:12\nWORKDIR /app\nRUN make\n',
      'FROM debian:12\nRUN cd /usr/src/x && make && cd / && rm -rf /usr/src/x\n',
      'FROM debian:12\nRUN d="$(mktemp -d)"; cd "$d"; make; cd ..; rm -rf "$d"\n',
      'FROM debian:12\nRUN (cd /opt/x && make) && echo done\n',
      'FROM debian:12\nRUN cd /tmp && wget x\n',
    ],
    message: 'RUN changes directory with cd /app',
  },
  DW5021: {
    invalid: ['FROM debian:12\nRUN curl -o a x\nRUN wget y\n'],
    valid: ['FROM debian:12\nRUN curl -o a x && curl -o b y\n', 'FROM debian:12 AS a\nRUN curl x\nFROM debian:12 AS b\nRUN wget y\n'],
    message: 'this stage uses both curl and wget',
  },
  DW5022: {
    invalid: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends openssh-server vim\n', 'FROM debian:12\nRUN apt-get install -y --no-install-recommends vim:amd64\n'],
    valid: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', 'FROM debian:12 AS build\nRUN apt-get install -y vim\nFROM debian:12\n'],
    options: { rules: { DW5022: 'error' } },
    message: 'package "openssh-server" is installed in the final image, and the policy forbids it',
  },
  DW6001: {
    invalid: ['FROM debian:12\nCMD node server.js\n', 'FROM debian:12\nENTRYPOINT /app\n', 'FROM debian:12\nHEALTHCHECK CMD curl -f localhost\n', "FROM debian:12\nCMD ['node']\n"],
    valid: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD echo hi\n', 'FROM debian:12 AS base\nSHELL ["pwsh", "-c"]\nFROM base\nENTRYPOINT Write-Host hi\n', 'FROM debian:12\nCMD ["node", "server.js"]\n', 'FROM debian:12\nHEALTHCHECK NONE\n', 'FROM debian:12\nHEALTHCHECK CMD ["curl", "-f", "localhost"]\n'],
    message: 'CMD in shell form',
  },
  DW6002: {
    invalid: ['FROM debian:12 AS app\nCMD ["a"]\nCMD ["b"]\n', 'FROM debian:12\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n'],
    valid: ['FROM debian:12 AS a\nCMD ["a"]\nFROM debian:12\nCMD ["b"]\n'],
    message: 'a second CMD in stage "app"; only the last would take effect',
  },
  DW6003: {
    invalid: ['FROM debian:12\nADD app.jar /app/\n', 'FROM debian:12\nADD . /app/\n'],
    valid: ['FROM debian:12\nADD rootfs.tar.xz /\n', `FROM debian:12\nADD --checksum=${sha} https://example.com/x.tgz /x.tgz\n`, 'FROM debian:12\nADD https://github.com/acme/repo.git#v1 /src\n'],
    message: 'ADD of the local file app.jar',
  },
  DW6004: {
    invalid: ['FROM debian:12\nWORKDIR app\n'],
    valid: ['FROM debian:12\nWORKDIR /app\nWORKDIR sub\n', 'FROM debian:12\nWORKDIR /app\n', 'FROM debian:12\nWORKDIR $HOME/app\n', 'FROM windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n'],
    message: 'WORKDIR "app" is relative',
  },
  DW6005: {
    invalid: ['FROM debian:12\nCOPY a b /dst\n'],
    valid: ['# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY C:\\a.dll C:\\b.dll C:\\Windows\\System32\\\n', 'FROM debian:12\nCOPY a b /dst/\n', 'FROM debian:12\nCOPY a /dst\n'],
    message: 'several sources go to "/dst", which does not end in /',
  },
  DW6006: {
    invalid: ['FROM debian:12\nCOPY a dst/\n', 'FROM debian:12\nCOPY . .\nWORKDIR /app\n'],
    valid: ['FROM debian:12\nWORKDIR /app\nCOPY . .\n', 'FROM debian:12 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n', 'FROM debian:12\nCOPY a /dst/\n'],
    message: 'relative destination "dst/" with no WORKDIR',
  },
  DW6007: {
    invalid: ['FROM debian:12\nEXPOSE 70000\n', 'FROM debian:12\nEXPOSE 80/TCP\n', 'FROM debian:12\nEXPOSE 8080:80\n'],
    valid: ['FROM debian:12\nEXPOSE 80 53/udp 8000-8010/tcp $PORT\n'],
    message: '"70000" is not a port',
  },
  DW6008: {
    invalid: ['FROM debian:12\nMAINTAINER me@example.com\n'],
    valid: ['FROM debian:12\nLABEL org.opencontainers.image.authors="me@example.com"\n'],
    message: 'MAINTAINER is deprecated',
  },
  DW6009: {
    invalid: ['FROM debian:12\nENV my-var=x\n', 'FROM debian:12\nARG 1X\n'],
    valid: ['FROM debian:12\nENV MY_VAR=x\nARG _X=1\n'],
    message: '"my-var" is not a valid ENV name',
  },
  DW6010: {
    invalid: ['FROM debian:12\nLABEL Com.Example=x\n', 'FROM debian:12\nLABEL com.docker.extension.title=x\n', 'FROM debian:12\nLABEL 1abc=x\n', 'FROM debian:12\nLABEL a..b=x\n'],
    valid: ['FROM debian:12\nLABEL maintainer=""\n', 'FROM debian:12\nLABEL org.opencontainers.image.source="https://x" maintainer="me"\n'],
    message: '"Com.Example" is not a valid label key',
  },
  DW6011: {
    invalid: ['FROM debian:12\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n', 'FROM debian:12\nENV A=1 A=${A}2\n'],
    valid: ['FROM debian:12\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n', 'FROM debian:12\nENV PATH=/x:$PATH\n', "FROM debian:12\nENV A=1 B='$A'\n"],
    message: 'ENV APP_BIN refers to APP_HOME, set in the same ENV',
  },
  DW6012: {
    // The parser refuses what BuildKit refuses (--interval=5min, --retries=x); lint adds --retries=0.
    invalid: ['FROM debian:12\nHEALTHCHECK --retries=0 CMD ["true"]\n'],
    valid: ['FROM debian:12\nHEALTHCHECK --interval=30s --timeout=1m30s --retries=3 CMD ["true"]\n', 'FROM debian:12\nHEALTHCHECK --interval=0 CMD ["true"]\n'],
    message: 'retries 0 is not a whole number from 1 to 2147483647',
  },
  DW6013: {
    invalid: ['FROM debian:12\nSTOPSIGNAL TERM\n'],
    valid: ['FROM debian:12\nSTOPSIGNAL SIGQUIT\n', 'FROM debian:12\nSTOPSIGNAL 9\n'],
    message: '"TERM" is not a signal',
  },
  DW6015: {
    invalid: ['FROM debian:12\nCOPY --chmod=999 a /a\n'],
    valid: ['FROM debian:12\nCOPY --chmod=0755 a /a\n', 'FROM debian:12\nCOPY --chmod=u+x a /a\n'],
    message: '"999" is not an octal file mode',
  },
  DW6017: {
    invalid: ['FROM debian:12\nADD https://example.com/x.tgz /x.tgz\n'],
    valid: [`FROM debian:12\nADD --checksum=${sha} https://example.com/x.tgz /x.tgz\n`, 'FROM debian:12\nADD https://github.com/acme/repo.git#v1 /src\n'],
    message: "ADD https://example.com/x.tgz needs checksum: 'sha256:' and 64 hex digits",
  },
  DW6019: {
    invalid: ['FROM debian:12\nLABEL a.b=c\n'],
    valid: ['FROM debian:12 AS base\nLABEL org.opencontainers.image.source=x\nFROM base\n'],
    options: { requiredLabels: ['org.opencontainers.image.source'] },
    message: 'the image has no org.opencontainers.image.source label',
  },
  DW6020: {
    invalid: ['FROM debian:12\nCMD ["x"]\n'],
    valid: ['FROM debian:12\nHEALTHCHECK NONE\n', 'FROM debian:12\nHEALTHCHECK CMD ["true"]\n'],
    options: { rules: { DW6020: 'warn' } },
    message: 'the final stage has no HEALTHCHECK',
  },
  DW8001: {
    invalid: ['ARG VERSION=1\nFROM debian:12\nRUN echo $VERSION\nUSER 1\n', 'ARG APP=/app\nFROM debian:12\nWORKDIR ${APP}\n', 'FROM debian:12\nENV PATH=$PAHT:/x\n', 'FROM scratch\nCOPY $nope /x/\n', 'FROM --platform=$BULIDPLATFORM golang:1.23\n'],
    valid: ['ARG VERSION=1\nFROM debian:12\nARG VERSION\nRUN echo $VERSION\n', 'ARG V=1\nFROM debian:12\nENV V=2\nRUN echo $V\n', 'ARG V=12\nFROM debian:$V\nRUN echo $HOME\n', "ARG V=1\nFROM debian:12\nRUN echo '$V'\n", 'FROM node:22\nENV PATH=$NODE_HOME/bin:$PATH\n', 'FROM --platform=$BUILDPLATFORM golang:1.23\nARG TARGETOS\nENV GOOS=$TARGETOS\n', 'FROM debian:12\nENV A=1\nENV B=${A}2\n'],
    message: 'the command uses ARG VERSION, which this stage does not declare',
  },
  DW8002: {
    invalid: ['ARG V=1\nARG V=2\nFROM debian:$V\n'],
    valid: ['ARG V=1\nFROM debian:$V\nARG V\n'],
    message: 'two ARGs named V with defaults "1" and "2"',
  },
  DW9002: {
    invalid: ['FROM debian:12\n# dockwright:allow DW5020\nRUN cd /app\n'],
    valid: ['FROM debian:12\n# dockwright:allow DW5020 vendor build script expects it\nRUN cd /app\n'],
    message: 'the suppression of DW5020 gives no reason, so it waives nothing',
  },
  DW9004: {
    invalid: ['FROM debian:12\n# dockwright:allow DW5999 typo\nRUN true\n', 'FROM debian:12\n# dockwright:allow because\nRUN true\n'],
    valid: ['FROM debian:12\n# dockwright:allow DW5018 two layers on purpose\nRUN true\n'],
    message: 'the suppression names DW5999, which is not a Dockwright rule',
  },
  DW2009: {
    invalid: ['FROM debian:12 as build\n', 'from debian:12 AS build\n'],
    valid: ['FROM debian:12 AS build\n', 'from debian:12 as build\n'],
    message: "'as' and 'FROM' keywords' casing do not match",
  },
  DW5023: {
    invalid: ['FROM node:22\nRUN yarn install --frozen-lockfile\n', 'FROM node:22\nRUN yarn\n'],
    valid: ['FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n', 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n', 'FROM node:22\nRUN yarn build\n', 'FROM node:22\nRUN yarn --version\n'],
    message: 'yarn install without yarn cache clean in the same RUN',
  },
  DW5024: {
    invalid: ['FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n'],
    valid: ['FROM debian:12\nSHELL ["/bin/bash", "-c"]\n', 'FROM debian:12\nRUN ln -s /usr/bin/python3 /usr/bin/python\n'],
    message: 'RUN links /bin/sh to another shell',
  },
  DW5025: {
    invalid: ['FROM debian:12\nRUN wget https://example.com/a.tar.gz\n'],
    valid: ['FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tar.gz\n', 'FROM debian:12\nRUN wget -q -O a https://example.com/a\n', 'FROM debian:12\nRUN wget -nv https://example.com/a\n'],
    message: 'wget without --progress prints a progress bar into the build log',
  },
  DW5026: {
    invalid: ['FROM opensuse/leap:15\nRUN zypper dist-upgrade -y\n', 'FROM opensuse/leap:15\nRUN zypper -n dup\n'],
    valid: ['FROM opensuse/leap:15\nRUN zypper -n install curl-8.6.0 && zypper clean --all\n'],
    message: 'zypper dist-upgrade changes the release of the base image',
  },
  DW6021: {
    options: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339', 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver', 'org.opencontainers.image.licenses': 'spdx', 'org.opencontainers.image.revision': 'hash', 'org.opencontainers.image.authors': 'email', 'org.opencontainers.image.title': 'text' }, strictLabels: true },
    invalid: [
      'FROM debian:12\nLABEL org.opencontainers.image.created=yesterday\n',
      'FROM debian:12\nLABEL org.opencontainers.image.title=""\n',
      'FROM debian:12\nLABEL org.opencontainers.image.source=github\n',
      'FROM debian:12\nLABEL org.opencontainers.image.version=v1\n',
      'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
      'FROM debian:12\nLABEL org.opencontainers.image.revision=abc\n',
      'FROM debian:12\nLABEL org.opencontainers.image.authors=team\n',
      'FROM debian:12\nLABEL com.acme.misc=x\n',
    ],
    valid: [
      `FROM debian:12\nLABEL org.opencontainers.image.created=2025-01-31T12:00:00Z org.opencontainers.image.source=https://github.com/acme/app org.opencontainers.image.version=1.4.2 org.opencontainers.image.licenses="Apache-2.0 OR MIT" org.opencontainers.image.revision=${'a'.repeat(40)} org.opencontainers.image.authors=team@acme.dev org.opencontainers.image.title=App\n`,
    ],
    message: 'label org.opencontainers.image.created is not an RFC 3339 time: "yesterday"',
  },
  DW6022: {
    invalid: ['FROM debian:12\nENV PATH /opt/bin:$PATH\n', 'FROM debian:12\nLABEL maintainer me\n'],
    valid: ['FROM debian:12\nENV PATH=/opt/bin:$PATH\n'],
    message: '"ENV PATH=value" should be used instead of the legacy "ENV PATH value" format',
  },
  DW6023: {
    invalid: ['FROM debian:12\nrun true\nRUN false\n'],
    valid: ['FROM debian:12\nRUN true\n', 'from debian:12\nrun true\n'],
    message: "command 'run' should match the case of the command majority (uppercase)",
  },
  DW6024: {
    invalid: ['FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n', 'FROM debian:12\nCOPY dist.zip /tmp/dist.zip\nRUN unzip /tmp/dist.zip\n'],
    valid: ['FROM debian:12\nADD app.tar.gz /opt/\n', 'FROM debian:12\nCOPY app.tar.gz /srv/\n', 'FROM debian:12\nCOPY --from=build /out/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n'],
    message: 'app.tar.gz is copied in, then extracted by a RUN',
  },
  DW6025: {
    invalid: ['FROM debian:12\nCOPY acme-ca.pem /etc/ssl/certs/\n', 'FROM debian:12\nCOPY src/.env ./\n', 'FROM debian:12\nADD vendor/tools.tar.gz /opt/\n'],
    valid: ['FROM debian:12\nCOPY keep.pem /etc/ssl/certs/\n', 'FROM debian:12\nCOPY --from=build /out/app.pem /etc/\n', 'FROM debian:12\nCOPY . /app/\n', 'FROM debian:12\nADD https://example.com/a.pem /etc/\n'],
    options: { dockerignore: '**/*.pem\n!keep.pem\n.env\n**/.env\nvendor\n' },
    message: 'COPY of acme-ca.pem, which the .dockerignore excludes (line 1: **/*.pem): it is not in the build context, so the build cannot find it',
  },
};
