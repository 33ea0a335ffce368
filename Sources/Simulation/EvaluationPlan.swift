import Scenarios

/// The model flattened into arrays of plain values, built separately by every worker.
///
/// Why: in the hot loop, reading a shared model's arrays or enum payloads makes Swift
/// retain and release their storage; with several threads on the same objects, those
/// atomic reference counts serialise the workers (measured: two threads slower than
/// one). Each worker therefore builds its own copy, with fresh storage, of everything the
/// draw evaluation reads.
struct EvaluationPlan {

    let lineCount: Int
    let leverCount: Int
    let baseline: [ParameterValue]
    /// IO sector of each line, −1 for none.
    let sectorOfLine: [Int]
    let isTaxLine: [Bool]
    let groupOfLine: [Int]
    let leverKind: [LeverKind]
    /// amount / shift / increase / price change.
    let leverValue: [ParameterValue]
    let leverHasExports: [Bool]
    let leverExports: [ParameterValue]
    let leverSector: [Int]
    let leverCategory: [Int]
    /// profile_q / W_q for each lever and quarter (leverCount × 4).
    let quarterRatio: [Double]
    /// Buyers of local-sourcing levers, flattened; `buyerRanges[l]` indexes it.
    let buyers: [Int]
    let buyerStart: [Int]
    let buyerEnd: [Int]
    let quarterlyWeights: [Double]
    let taxElasticity: ParameterValue
    let exportsBaseline: ParameterValue?
    let cpiBaseline: ParameterValue?
    /// (derivation key index, parameter index) of sampled dataset assumptions.
    let assumptionKeys: [Int]
    let assumptionParameters: [Int]

    /// - Throws: `internalInconsistency` for a sampled dataset assumption the dataset's derivation
    ///   does not know (the compiler produced it: a bug, exit 70).
    init(model: SimulationModel) throws(SimulationError) {
        func fresh<T>(_ values: [T]) -> [T] { Array(unsafeUninitializedCapacity: values.count) { buffer, count in
            for (i, v) in values.enumerated() { (buffer.baseAddress! + i).initialize(to: v) }
            count = values.count
        } }
        lineCount = model.lines.count
        leverCount = model.levers.count
        baseline = fresh(model.baseline)
        sectorOfLine = fresh(model.sectorOfLine.map { $0 ?? -1 })
        isTaxLine = fresh(model.lines.indices.map { model.taxLines.contains($0) })
        groupOfLine = fresh(model.groupOfLine.map { $0 ?? -1 })
        var kinds: [LeverKind] = [], values: [ParameterValue] = [], hasExports: [Bool] = [], exports: [ParameterValue] = []
        var sectors: [Int] = [], categories: [Int] = [], ratios: [Double] = [], buyers: [Int] = [], starts: [Int] = [], ends: [Int] = []
        for lever in model.levers {
            var sector = -1
            var exportsValue: ParameterValue?
            starts.append(buyers.count)
            kinds.append(lever.effect.kind)
            switch lever.effect {
            case let .demand(_, amount, pp):
                values.append(amount)
                exportsValue = pp
            case let .growthShift(s, shift):
                values.append(shift)
                sector = s
            case let .localSourcing(supplier, leverBuyers, increase):
                values.append(increase)
                sector = supplier
                buyers.append(contentsOf: leverBuyers)
            case let .costShock(s, change):
                values.append(change)
                sector = s
            }
            ends.append(buyers.count)
            hasExports.append(exportsValue != nil)
            exports.append(exportsValue ?? .constant(0))
            sectors.append(sector)
            categories.append(lever.category.index)
            for q in 0..<4 { ratios.append((lever.quarters?[q] ?? model.quarterlyWeights[q]) / model.quarterlyWeights[q]) }
        }
        leverKind = fresh(kinds)
        leverValue = fresh(values)
        leverHasExports = fresh(hasExports)
        leverExports = fresh(exports)
        leverSector = fresh(sectors)
        leverCategory = fresh(categories)
        quarterRatio = fresh(ratios)
        self.buyers = fresh(buyers)
        buyerStart = fresh(starts)
        buyerEnd = fresh(ends)
        quarterlyWeights = fresh(model.quarterlyWeights)
        taxElasticity = model.taxElasticity
        exportsBaseline = model.exportsBaseline
        cpiBaseline = model.cpiBaseline
        if case let .sampled(sampled, assumptionParameters) = model.economy {
            var keys: [Int] = []
            for parameter in assumptionParameters {
                guard let key = sampled.assumptionNames.firstIndex(of: parameter.id) else {
                    throw .internalInconsistency(
                        "dataset assumption '\(parameter.id)' is sampled but the dataset's derivation knows only \(sampled.assumptionNames.joined(separator: ", "))")
                }
                keys.append(key)
            }
            assumptionKeys = fresh(keys)
            self.assumptionParameters = fresh(assumptionParameters.map(\.index))
        } else {
            assumptionKeys = []
            self.assumptionParameters = []
        }
    }
}
