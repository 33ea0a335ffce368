import Datasets
import InputOutput

/// The embedded default dataset, as the commands use it.
enum DefaultData {
    static func hanoiTable() throws -> IOTable {
        try HanoiDataset.embedded().table
    }
}
