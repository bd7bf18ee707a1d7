FROM --platform=$BUILDPLATFORM golang:1.23.4-bookworm@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS app
# dockwright:allow DW3001 build stage shown alone
