/// Documents laid over one another: a file that extends another, a key set from the command
/// line. Every key keeps the place of its definition and the number of the document it came
/// from (its *source*), so that an error after merging still names the right file and line.
///
/// ```swift
/// let base = try TOMLDocument.parse("[levers.a]\namount = 1\nkind = \"demand\"\n")
/// let variant = try TOMLDocument.parse("levers.a.amount = 2\n").marked(source: 1)
/// let merged = base.merging(variant)
/// merged.root["levers"]?.table?["a"]?.table?["amount"]?.integer   // 2
/// merged.root["levers"]?.table?["a"]?.table?.source(of: "amount") // 1
/// merged.root["levers"]?.table?["a"]?.table?.source(of: "kind")   // 0
/// ```
extension TOMLDocument {
    /// How many levels of tables `merging(_:)` descends into; below that, the overlay's
    /// table replaces the base's whole (documents from files are far shallower).
    public static let maximumMergeDepth = 64

    /// The same document with every key and element attributed to `source`.
    /// - Complexity: O(keys + elements).
    public func marked(source: Int) -> TOMLDocument {
        let storage = root.storage
        let tables = storage.tables.map { node in
            var node = node
            for index in node.slots.indices { node.slots[index].source = source }
            return node
        }
        let arrays = storage.arrays.map { node in
            var node = node
            for index in node.elements.indices { node.elements[index].source = source }
            return node
        }
        return TOMLDocument(root: TOMLTable(storage: TOMLStorage(tables: tables, arrays: arrays), index: 0))
    }

    /// `overlay` laid over this document: a table of the overlay made by a `[header]` or by
    /// dotted keys is merged key by key into the base's table of the same key (to
    /// `maximumMergeDepth` levels); any other value of the overlay — a number, a string, an
    /// array, an array of tables, an inline table `{ … }` (a value written whole), a table
    /// where the base has none — replaces the base's.
    /// Keys keep the base's order; the overlay's new keys follow in its order. Each key keeps
    /// the location and source of the document that gave its value.
    /// - Complexity: O(keys + elements of both documents).
    public func merging(_ overlay: TOMLDocument) -> TOMLDocument {
        let base = root.storage, top = overlay.root.storage
        let tableOffset = base.tables.count, arrayOffset = base.arrays.count
        func shifted(_ value: StoredValue) -> StoredValue {
            switch value {
            case let .table(index): .table(index + tableOffset)
            case let .array(index): .array(index + arrayOffset)
            default: value
            }
        }
        // Both documents' nodes in one store, the overlay's indices shifted past the base's.
        var tables = base.tables
        var arrays = base.arrays
        for node in top.tables {
            var node = node
            for index in node.slots.indices { node.slots[index].value = shifted(node.slots[index].value) }
            tables.append(node)
        }
        for node in top.arrays {
            var node = node
            for index in node.elements.indices { node.elements[index].value = shifted(node.elements[index].value) }
            arrays.append(node)
        }
        // Walk the tables the two have in common, as an explicit stack (no recursion).
        var pending: [(base: Int, overlay: Int, depth: Int)] = [(0, tableOffset, 0)]
        while let (baseIndex, overlayIndex, depth) = pending.popLast() {
            let overlayNode = tables[overlayIndex]
            for (key, slot) in zip(overlayNode.keys, overlayNode.slots) {
                if let position = tables[baseIndex].positions[key] {
                    let existing = tables[baseIndex].slots[position]
                    if case let .table(baseChild) = existing.value, case let .table(overlayChild) = slot.value,
                       tables[overlayChild].origin != .inline, depth + 1 < Self.maximumMergeDepth {
                        pending.append((baseChild, overlayChild, depth + 1))
                    } else {
                        tables[baseIndex].slots[position] = slot
                    }
                } else {
                    tables[baseIndex].positions[key] = tables[baseIndex].keys.count
                    tables[baseIndex].keys.append(key)
                    tables[baseIndex].slots.append(slot)
                }
            }
        }
        return TOMLDocument(root: TOMLTable(storage: TOMLStorage(tables: tables, arrays: arrays), index: 0))
    }

    /// The document without the top-level key `key` (e.g. `extends` once it has been followed).
    public func removing(topLevelKey key: String) -> TOMLDocument {
        let storage = root.storage
        guard let position = storage.tables[0].positions[key] else { return self }
        var tables = storage.tables
        var node = tables[0]
        node.keys.remove(at: position)
        node.slots.remove(at: position)
        node.positions = [:]
        for (index, name) in node.keys.enumerated() { node.positions[name] = index }
        tables[0] = node
        return TOMLDocument(root: TOMLTable(storage: TOMLStorage(tables: tables, arrays: storage.arrays), index: 0))
    }
}

extension TOMLTable {
    /// The source (see `TOMLDocument.marked(source:)`) of `key`'s definition.
    public func source(of key: String) -> Int? { node.slot(key)?.source }
}

extension TOMLArray {
    /// The source (see `TOMLDocument.marked(source:)`) of element `position`.
    public func source(at position: Int) -> Int { node.elements[position].source }
}
