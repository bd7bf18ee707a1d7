// Neither competitor ships type declarations; these cover the parts the benchmark calls.

declare module 'dockerfile-generator' {
  /** Validates the object against the package's JSON schema, then writes one line per key, in key order. */
  export function generate(input: Record<string, unknown>): Promise<string>;
}

declare module 'dockerfilejs' {
  export class Dockerfile {
    // Each instruction method appends a step to the current stage; the shapes are the package's own.
    from(from: { image: string; tag?: string; digest?: string; name?: string }): Dockerfile;
    workdir(path: string): Dockerfile;
    copy(copy: { src: readonly string[]; dest: string; from?: string; chown?: string }): Dockerfile;
    run(run: { command: string | readonly (string | readonly string[])[] }): Dockerfile;
    env(env: Readonly<Record<string, string>>): Dockerfile;
    label(labels: Readonly<Record<string, string>>): Dockerfile;
    user(user: string): Dockerfile;
    expose(ports: number | string | readonly (number | string)[]): Dockerfile;
    healthCheck(check: { options?: { interval?: string; timeout?: string; retries?: number }; executable?: string; command?: string; params?: readonly string[] }): Dockerfile;
    entryPoint(entrypoint: { executable: string; params: readonly string[] }): Dockerfile;
    cmd(cmd: { executable?: string; command?: string; params?: readonly string[] }): Dockerfile;
    separator(separator: string): Dockerfile;
    stage(index?: number): Dockerfile;
    render(): string;
  }
}
