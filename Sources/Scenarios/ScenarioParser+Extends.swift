import Foundation
import TOML

/// `extends = "plan.toml"` and `--set`: the scenario document assembled from the file, the
/// files it extends and the command line, before any key is read.
extension ScenarioParser {
    /// How many files a chain of `extends` may name (a deeper chain is an error, not a hang).
    static let maximumExtendsDepth = 8

    /// The merged document and where each of its keys came from.
    /// - Parameters:
    ///   - text: the scenario named on the command line (source 0), read from `file`.
    ///   - overrides: `--set` values, laid over everything else in their order.
    /// - Throws: `ScenarioError`: a syntax error in any file (at its line), an `extends` that
    ///   is not a string, names a missing or unreadable file, closes a cycle or chains more than
    ///   `maximumExtendsDepth` files (at the `extends` line of the file that names it).
    /// - Complexity: O(total length of the files) plus O(keys) per merge.
    static func assemble(
        _ text: String, path file: String, overrides: [ScenarioOverride]
    ) throws(ScenarioError) -> (document: TOMLDocument, sources: ScenarioSources) {
        var sources = ScenarioSources(root: file)
        var documents = [try document(text, file: file)]
        var chain = [canonical(file)]
        while let extendsValue = documents[documents.count - 1].root["extends"] {
            let current = documents[documents.count - 1]
            let currentFile = sources.files[sources.files.count - 1]
            let line = current.root.location(of: "extends")?.line
            func refuse(_ message: String) -> ScenarioError {
                ScenarioError(file: currentFile, line: line, key: "extends", message: message)
            }
            guard let relative = extendsValue.string, relative.contains(where: { !$0.isWhitespace }) else {
                throw refuse("expected the path of the scenario this one varies, as a string, e.g. extends = \"hanoi-2025-plan.toml\"")
            }
            let baseFile = resolve(relative, against: currentFile)
            let identity = canonical(baseFile)
            if let start = chain.firstIndex(of: identity) {
                let loop = (sources.files[start...] + [baseFile]).joined(separator: " → ")
                throw refuse("the files extend one another in a cycle (\(loop)); remove extends from one of them")
            }
            guard sources.files.count <= maximumExtendsDepth else {
                throw refuse("more than \(maximumExtendsDepth) files extend one another in a chain; extend the base plan directly")
            }
            guard FileManager.default.fileExists(atPath: baseFile) else {
                throw refuse("\(baseFile) does not exist; the path is relative to the directory of \(currentFile)")
            }
            let baseText: String
            do throws(ScenarioError) {
                baseText = try Scenario.readText(baseFile)
            } catch {
                throw refuse("cannot read \(baseFile), the scenario this file extends: \(error.message)")
            }
            sources.files.append(baseFile)
            chain.append(identity)
            documents.append(try document(baseText, file: baseFile).marked(source: sources.files.count - 1))
        }
        // The deepest base first, each variant over it, the file named on the command line last.
        var merged = documents[documents.count - 1].removing(topLevelKey: "extends")
        for document in documents.dropLast().reversed() {
            merged = merged.merging(document.removing(topLevelKey: "extends"))
        }
        if !overrides.isEmpty {
            let source = sources.files.count
            sources.files.append(ScenarioSources.commandLineName)
            sources.commandLineSource = source
            for override in overrides { merged = merged.merging(override.document.marked(source: source)) }
        }
        return (merged, sources)
    }

    static func document(_ text: String, file: String) throws(ScenarioError) -> TOMLDocument {
        do throws(TOMLError) {
            return try TOMLDocument.parse(text)
        } catch {
            throw syntaxError(error, file: file)
        }
    }

    /// The file's identity for cycle detection: absolute, `.`/`..` and symbolic links resolved.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
