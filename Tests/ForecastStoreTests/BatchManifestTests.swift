import ForecastStore
import Foundation
import Testing

/// The batch manifest: paths resolved against its folder, defaults, located errors.
@Suite("Batch manifest")
struct BatchManifestTests {
    @Test("Jobs take the defaults and resolve their paths against the manifest's folder")
    func parses() throws {
        // An absolute output path stays as it is (a temporary directory of this run).
        let absolute = FileManager.default.temporaryDirectory.appendingPathComponent("b.csv").path
        let manifest = try BatchManifest.parse("""
            store = "f.sqlite"
            [defaults]
            draws = 4096
            scenario = "plan.toml"
            [[job]]
            output = "out/a.json"
            [[job]]
            name = "H1"
            actual = "Q1=7.41,Q2=8.13"
            set = ["national.growth=7.5"]
            draws = 100
            output = "\(absolute)"
            """, path: "jobs/m.toml")
        #expect(manifest.store == "jobs/f.sqlite")
        #expect(manifest.jobs.map(\.name) == ["job 1", "H1"])
        #expect(manifest.jobs[0].runArguments == ["jobs/plan.toml", "--draws", "4096", "--output", "jobs/out/a.json"])
        #expect(manifest.jobs[1].runArguments == ["jobs/plan.toml", "--actual", "Q1=7.41,Q2=8.13", "--set", "national.growth=7.5", "--draws", "100",
                                                  "--output", absolute])
        #expect(manifest.jobs.map(\.line) == [5, 7])
    }

    @Test("A bad manifest is one error line with the file and line", arguments: [
        ("x = ", "m.toml:1: "), ("store = 3\n[[job]]\noutput = \"a\"", "m.toml:1: store must be"),
        ("[[job]]\nname = \"a\"", "m.toml:1: job 1 has no output"), ("[[job]]\noutput = \"a\"\ndraws = 0", "m.toml:3: draws must be"),
        ("[[job]]\noutput = \"a\"\ncolour = 1", "m.toml:3: unknown key 'colour'"), ("store = \"s\"", "m.toml: no jobs"),
        ("[[job]]\noutput = \"a\"\n[[job]]\noutput = \"a\"", "m.toml:3: job 'job 2' writes a"),
        ("[[job]]\noutput = \"a\"\nformat = \"html\"", "m.toml:3: format 'html'"), ("[[job]]\noutput = \"a\"\nset = \"x\"", "m.toml:3: set must be"),
    ])
    func errors(text: String, prefix: String) {
        do {
            _ = try BatchManifest.parse(text, path: "m.toml")
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.description.hasPrefix(prefix), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }
}
