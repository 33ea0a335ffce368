/// The formats every command can emit.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned plain-text tables for a terminal (default).
    case text
    /// One CSV block per table, preceded by a `# title` line; full-precision numbers.
    case csv
    /// One JSON document: headline object and an array of tables with rows as objects.
    case json
    /// GitHub-flavoured Markdown tables.
    case markdown
}

extension Report {
    /// The report rendered in `format`. Output is a pure function of the report, so equal
    /// reports give identical bytes.
    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .text: TextRenderer.render(self)
        case .csv: CSVRenderer.render(self)
        case .json: JSONRenderer.render(self)
        case .markdown: MarkdownRenderer.render(self)
        }
    }
}
