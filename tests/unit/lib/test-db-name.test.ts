import { describe, expect, it } from "vitest";
import { isTestDatabaseName, testDatabaseNames } from "@/scripts/lib/test-db-name";

describe("noms des bases de test", () => {
  it("reconnaît une base de test à « test », « tests » ou « e2e » comme mot de son nom", () => {
    for (const name of ["proch_emploi_test", "proch_emploi_e2e", "wt_tests", "wt_tests_e2e", "test", "e2e-local", "ci.test.1"]) expect(isTestDatabaseName(name), name).toBe(true);
    for (const name of ["proch_emploi", "production", "wt_ui", "contest", "latest", "attestations", "e2eprod"]) expect(isTestDatabaseName(name), name).toBe(false);
  });

  it("dérive de TEST_DATABASE_URL des noms qui respectent la règle", () => {
    expect(testDatabaseNames("wt_tests")).toEqual({ integration: "wt_tests", e2e: "wt_tests_e2e" });
    expect(testDatabaseNames("wt_ui")).toEqual({ integration: "wt_ui_test", e2e: "wt_ui_e2e" });
    for (const name of ["wt_ui", "proch_emploi", "x"]) {
      const n = testDatabaseNames(name);
      expect([isTestDatabaseName(n.integration), isTestDatabaseName(n.e2e)], name).toEqual([true, true]);
    }
  });
});
