import LinearAlgebra

/// Rows of a column-major matrix written a block at a time: a row read from a file goes
/// to a small row-major buffer, and a full block of `blockRows` rows is written out column
/// by column, `blockRows` consecutive entries of each column together (one or two cache
/// lines), instead of one entry per column a whole column apart for every row (at 3,000
/// sectors, a cache line and a page touched per entry). The matrix ends with the same
/// entries; rows must be appended in order from row 0.
/// - Complexity: O(columns) per row; O(blockRows · columns) of memory.
struct BlockedRowWriter {
    static let blockRows = 16
    let columns: Int
    private var buffer: [Double]
    /// The matrix row of the buffer's first row, and how many rows the buffer holds.
    private var firstRow = 0
    private var filled = 0

    init(columns: Int) {
        self.columns = columns
        buffer = [Double](repeating: 0, count: Self.blockRows * columns)
    }

    /// Appends the next row, `row[0..<columns]`; writes the block into `matrix` when it is full.
    mutating func append(_ row: UnsafeBufferPointer<Double>, into matrix: inout Matrix) {
        let offset = filled * columns
        buffer.withUnsafeMutableBufferPointer { block in
            for j in 0..<columns { block[offset + j] = row[j] }
        }
        filled += 1
        if filled == Self.blockRows { flush(into: &matrix) }
    }

    /// Writes the rows held into `matrix` (column-major, `matrix.rows` apart).
    mutating func flush(into matrix: inout Matrix) {
        guard filled > 0 else { return }
        let stride = matrix.rows, count = filled, first = firstRow, width = columns
        buffer.withUnsafeBufferPointer { block in
            matrix.withUnsafeMutableColumnMajor { m in
                for j in 0..<width {
                    let column = first + j * stride
                    for r in 0..<count { m[column + r] = block[r * width + j] }
                }
            }
        }
        firstRow += filled
        filled = 0
    }
}
