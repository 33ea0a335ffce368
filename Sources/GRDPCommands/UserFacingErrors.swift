import Datasets
import Exploration
import ForecastStore
import Sensitivity
import Growth
import Sampling
import Scenarios
import Simulation
import InputOutput
import LinearAlgebra
import Reporting

/// Errors that mean "the input is wrong", each printed as its one-line description with
/// exit code 1. Anything else goes to ArgumentParser (usage errors, 64) .
enum UserFacingErrors {
    static func message(for error: Error) -> String? {
        switch error {
        case let error as InputOutputError: error.description
        case LinearAlgebraError.lapackArgument: nil  // a bug: exit 70
        case let error as LinearAlgebraError: error.description
        case ReportingError.template: nil  // a bug: exit 70
        case ReportingError.digest: nil  // libcrypto failed: exit 70
        case let error as ReportingError: error.description
        case let error as CommandInputError: error.description
        case let error as DatasetError: error.description
        case let error as GrowthError: error.description
        case let error as ScenarioError: error.description
        case SimulationError.internalInconsistency: nil  // a bug: exit 70
        case let error as SimulationError: error.description
        case let error as SamplingError: error.description
        case let error as ExplorationError: error.description
        case let error as SensitivityError: error.description
        case let error as ForecastStoreError: error.description
        default: nil
        }
    }
}

/// The reason an internal error (exit 70) prints after `grdp: error: internal: `, without the
/// words "internal error"/"internal inconsistency" its own description starts with, so that
/// "internal" appears once on the line.
enum InternalErrors {
    static func reason(for error: Error) -> String {
        switch error {
        case let SimulationError.internalInconsistency(reason): reason
        case let LinearAlgebraError.lapackArgument(routine, position): "\(routine) rejected argument \(position)"
        case let ReportingError.template(reason): "the HTML report template does not parse (\(reason))"
        case let ReportingError.digest(reason):
            "OpenSSL's libcrypto cannot compute SHA-256 (\(reason)); check that the OpenSSL configuration (OPENSSL_CONF) loads its default provider"
        default: "\(error)"
        }
    }
}

/// Input errors found by the command layer itself (option values, files).
struct CommandInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
