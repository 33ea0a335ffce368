import LinearAlgebra

/// Runs a linear-algebra computation, turning its typed error into this module's.
@inline(__always)
func linearAlgebra<T>(_ body: () throws(LinearAlgebraError) -> T) throws(InputOutputError) -> T {
    do {
        return try body()
    } catch {
        throw .linearAlgebra(error)
    }
}
