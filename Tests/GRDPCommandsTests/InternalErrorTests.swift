import Testing
@testable import GRDPCommands
import LinearAlgebra
import Reporting
import Simulation

/// Internal errors (bugs, never bad input) exit 70 with one line that says "internal" once:
/// `grdp: error: internal: REASON; please report it …` (docs/errors.md).
@Suite("Internal errors")
struct InternalErrorTests {
    static let internalErrors: [any Error] = [
        SimulationError.internalInconsistency("lever 'x' has no sector"),
        LinearAlgebraError.lapackArgument(routine: "dgetrf", position: 4),
        ReportingError.template(reason: "unclosed section"),
    ]

    @Test("Not reported as bad input (exit 1), so they reach the exit-70 branch", arguments: 0..<3)
    func notUserFacing(index: Int) {
        #expect(UserFacingErrors.message(for: Self.internalErrors[index]) == nil)
    }

    @Test("The line names 'internal' once and keeps the reason")
    func reasonWithoutRepeatedInternal() {
        let expected = ["lever 'x' has no sector", "dgetrf rejected argument 4", "the HTML report template does not parse (unclosed section)"]
        for (error, reason) in zip(Self.internalErrors, expected) {
            let line = CommandLineMain.errorPrefix + "internal: " + InternalErrors.reason(for: error)
            #expect(InternalErrors.reason(for: error) == reason)
            #expect(line.components(separatedBy: "internal").count == 2, "\(line)")
        }
    }

    @Test("Other linear-algebra errors stay bad input (exit 1)")
    func singularIsUserFacing() {
        #expect(UserFacingErrors.message(for: LinearAlgebraError.singular(pivot: 2)) == "matrix is singular: zero pivot at position 2 of the LU factorisation")
    }
}
