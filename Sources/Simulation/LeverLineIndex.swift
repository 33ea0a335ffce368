/// Which entries of a draw's lever × line growth (`DrawEvaluator.leverGrowth`) can be other
/// than +0, from the model's structure alone (fixed for a run), so that the draw evaluator runs
/// over index lists instead of testing every line for every lever every draw.
///
/// A lever without value added by sector (a growth shift or a cost shock) moves only the lines
/// of its own sector (by its shift) and the tax lines; its entry for every other line is the
/// constant +0, whose product with a finite share adds nothing to a sum that starts at +0, and
/// which adds nothing to a line's growth except turning a final −0 into +0 (`lineGrowth`
/// applies that with one `+ 0.0`). Built once per evaluator. - Complexity: O(levers · lines).
struct LeverLineIndex {
    /// Lines with an input-output sector, in line order.
    let valueLines: [Int]
    /// The product-tax lines, in line order.
    let taxLines: [Int]
    /// For lever l, `leverLines[leverLineStart[l]..<leverLineEnd[l]]`: the value lines it can
    /// move, in line order (all value lines for a lever with value added by sector, the lines
    /// of its own sector otherwise).
    let leverLines: [Int]
    let leverLineStart: [Int]
    let leverLineEnd: [Int]
    /// For line i, `lineLevers[lineLeverStart[i]..<lineLeverEnd[i]]`: the levers whose entry
    /// for the line can be other than +0, in lever order.
    let lineLevers: [Int]
    let lineLeverStart: [Int]
    let lineLeverEnd: [Int]
    /// For each entry of `lineLevers`, the position of its (line, lever) entry in the lever ×
    /// line growth, i + lines·l (line-major per lever), so that a draw reads it directly.
    let lineLeverOffsets: [Int]
    /// Whether line i has a lever whose entry is the constant +0 (left out of `lineLevers`).
    let lineSkipsLevers: [Bool]

    /// - Parameters: `sectorOfLine` (−1 for none), `isTaxLine` per line; `leverSector` (−1 for
    ///   none) and `movesSectors` (value added by sector) per lever.
    init(sectorOfLine: [Int], isTaxLine: [Bool], leverSector: [Int], movesSectors: [Bool]) {
        let lineCount = sectorOfLine.count, leverCount = leverSector.count
        valueLines = (0..<lineCount).filter { sectorOfLine[$0] >= 0 }
        taxLines = (0..<lineCount).filter { isTaxLine[$0] }
        var leverLines: [Int] = [], leverStart: [Int] = [], leverEnd: [Int] = []
        for l in 0..<leverCount {
            leverStart.append(leverLines.count)
            for i in valueLines where movesSectors[l] || sectorOfLine[i] == leverSector[l] { leverLines.append(i) }
            leverEnd.append(leverLines.count)
        }
        var lineLevers: [Int] = [], lineStart: [Int] = [], lineEnd: [Int] = [], skips: [Bool] = []
        for i in 0..<lineCount {
            lineStart.append(lineLevers.count)
            let s = sectorOfLine[i]
            for l in 0..<leverCount where isTaxLine[i] || (s >= 0 && (movesSectors[l] || s == leverSector[l])) {
                lineLevers.append(l)
            }
            lineEnd.append(lineLevers.count)
            skips.append(lineLevers.count - lineStart[i] < leverCount)
        }
        self.leverLines = leverLines
        leverLineStart = leverStart
        leverLineEnd = leverEnd
        self.lineLevers = lineLevers
        lineLeverStart = lineStart
        lineLeverEnd = lineEnd
        lineLeverOffsets = (0..<lineCount).flatMap { i in lineLevers[lineStart[i]..<lineEnd[i]].map { i + lineCount * $0 } }
        lineSkipsLevers = skips
    }
}
