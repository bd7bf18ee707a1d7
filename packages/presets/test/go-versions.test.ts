import { describe, expect, it } from 'vitest';
import { image, isDockwrightError } from '@dockwright/core';
import { detectGoFiles, goImageFor, goPreset, goReleases } from '@dockwright/presets';

const module = (go: string) => ({ 'go.mod': `module example.com/tool\n\ngo ${go}\n`, 'main.go': 'package main\n\nfunc main() {}\n' });

describe('goImageFor and the Go table', () => {
  it('pins every line to one exact patch', () => {
    for (const [minor, exact] of Object.entries(goReleases)) {
      expect(exact.startsWith(`${minor}.`)).toBe(true);
      expect(goImageFor(minor)).toBe(`golang:${exact}-bookworm`);
    }
    expect(goImageFor('1.23.4')).toBe(`golang:${goReleases['1.23']}-bookworm`);
    expect(goImageFor('1.12')).toBeUndefined();
    expect(goImageFor('latest')).toBeUndefined();
  });
  it('goPreset names the pinned image by default, never golang:<minor>-bookworm', () => {
    const text = goPreset(detectGoFiles(module('1.23'))).dockerfile.render();
    expect(text).toContain(`FROM --platform=$BUILDPLATFORM golang:${goReleases['1.23']}-bookworm AS build`);
    expect(text).not.toMatch(/golang:\d+\.\d+-bookworm/);
  });
  it('refuses a minor it has no pin for, naming the option', () => {
    try {
      goPreset(detectGoFiles(module('1.12')));
      expect.unreachable();
    } catch (error) {
      expect(isDockwrightError(error) && error.issues[0]).toMatchObject({ code: 'DW9003', message: expect.stringContaining('no default image for Go 1.12'), hint: "pass images: { golang: image('golang:1.12.<patch>-bookworm') }" });
    }
    // An image the organisation names needs no entry in the table.
    expect(goPreset(detectGoFiles(module('1.12')), { images: { golang: image('registry.example.com/golang:1.12.17-bookworm') } }).dockerfile.render()).toContain('golang:1.12.17-bookworm AS build');
  });
});
