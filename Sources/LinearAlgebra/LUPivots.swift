import CBLASLapack

/// The row interchanges of an LU factorisation made in place on a caller-owned buffer
/// (`LUFactorization.factorInPlace`), kept between the factorisation and its solves.
///
/// Holds LAPACK's 1-based pivots in LAPACK's own integer type, so that callers outside
/// this module never name the C layer's types. Allocated once per worker and reused
/// across draws. - Complexity: O(order) memory.
package struct LUPivots: Sendable {
    /// LAPACK's 1-based row interchanges (`ipiv` of `dgetrf`).
    var rowInterchanges: [LapackInt]

    /// Room for the pivots of an `order × order` factorisation.
    package init(order: Int) {
        rowInterchanges = [LapackInt](repeating: 0, count: max(order, 0))
    }
}
