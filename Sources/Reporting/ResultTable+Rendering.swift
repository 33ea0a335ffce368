extension ResultTable {
    /// The table alone in `format`: for CSV one tidy block (a header line of column ids, then
    /// one line per row, no title or notes) that `pandas.read_csv` reads as is; for JSON the
    /// table object of the contract; text and Markdown as in a report without a headline.
    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .csv:
            var lines = [columns.map { CSVRenderer.escape($0.id) }.joined(separator: ",")]
            lines += rows.map { $0.map(CSVRenderer.cell).joined(separator: ",") }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            return JSONRenderer.table(self, indent: "") + "\n"
        case .text, .markdown:
            return Report(title: "", tables: [self]).rendered(as: format)
        }
    }
}
