import InputOutput

/// The embedded default dataset, as the commands use it.
enum DefaultData {
    static func hanoiTable() throws -> IOTable {
        throw CommandInputError("no table given: pass a CSV file (the embedded Hanoi table arrives with the dataset)")
    }
}
