import ArgumentParser
import InputOutput
import Scenarios

/// `--sampling monte-carlo|latin-hypercube`: parsed by ArgumentParser, so a bad value exits 64
/// naming the flag and the accepted values.
extension SamplingMethod: ExpressibleByArgument {}

/// `--lq-method slq|cilq|flq|aflq` of `grdp io --regionalize`: the location-quotient method,
/// with `--delta` for FLQ and AFLQ (Flegg & Tohmo 2013).
enum LocationQuotientOption: String, CaseIterable, ExpressibleByArgument {
    case slq, cilq, flq, aflq

    /// The method `IOTable.regionalized` applies.
    func method(delta: Double) -> LocationQuotientMethod {
        switch self {
        case .slq: .slq
        case .cilq: .cilq
        case .flq: .flq(delta: delta)
        case .aflq: .aflq(delta: delta)
        }
    }
}
