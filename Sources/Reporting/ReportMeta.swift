/// The `meta` block of every JSON output: which tool, schema and command produced it, from
/// which inputs (path and SHA-256), and for a simulation the settings that reproduce it.
public struct ReportMeta: Sendable, Equatable {
    /// Version of the JSON contract (docs/output-schema.md): the major part changes when a
    /// promised field is removed or changes meaning.
    public static let schemaVersion = "1.0.0"
    /// Version of grdp.
    public static let toolVersion = "0.1.0"

    /// One input file: its role (`scenario`, `table`, `accounts`), path and SHA-256 of its bytes.
    public struct Input: Sendable, Equatable {
        public let role: String
        public let path: String
        public let sha256: String
        public init(role: String, path: String, sha256: String) {
            self.role = role
            self.path = path
            self.sha256 = sha256
        }
    }

    /// The settings of a Monte Carlo run.
    public struct Simulation: Sendable, Equatable {
        public var scenarioPath: String
        public var scenarioSHA256: String
        public var seed: UInt64
        public var draws: Int
        public var sampling: String
        public var targetPercent: Double
        public var dataset: String
        public var datasetDescription: String
        /// Published quarterly growth (% y/y) the run takes as known, Q1 first.
        public var actualQuartersPercent: [Double]
        public init(scenarioPath: String, scenarioSHA256: String, seed: UInt64, draws: Int, sampling: String, targetPercent: Double,
                    dataset: String, datasetDescription: String, actualQuartersPercent: [Double]) {
            self.scenarioPath = scenarioPath
            self.scenarioSHA256 = scenarioSHA256
            self.seed = seed
            self.draws = draws
            self.sampling = sampling
            self.targetPercent = targetPercent
            self.dataset = dataset
            self.datasetDescription = datasetDescription
            self.actualQuartersPercent = actualQuartersPercent
        }
    }

    /// The subcommand (`run`, `contrib`, `quarterly`, `io`, `data`, `info`, `report`).
    public var command: String
    public var inputs: [Input]
    public var simulation: Simulation?

    public init(command: String, inputs: [Input] = [], simulation: Simulation? = nil) {
        self.command = command
        self.inputs = inputs
        self.simulation = simulation
    }
}
