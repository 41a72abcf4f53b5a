// semver (installed with npm's own tooling, no types shipped): the functions the Node-version test uses.
declare module "semver" {
  interface SemVer { version: string; major: number }
  const semver: {
    satisfies(version: string | SemVer, range: string): boolean;
    coerce(version: string): SemVer | null;
    validRange(range: string): string | null;
    valid(version: string): string | null;
    major(version: string): number;
  };
  export default semver;
}
