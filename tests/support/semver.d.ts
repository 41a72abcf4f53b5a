// semver (installed with npm's own tooling, no types shipped): the two functions the Node-version test uses.
declare module "semver" {
  interface SemVer { version: string }
  const semver: {
    satisfies(version: string | SemVer, range: string): boolean;
    coerce(version: string): SemVer | null;
    validRange(range: string): string | null;
  };
  export default semver;
}
