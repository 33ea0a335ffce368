/// What a worker hands back for one block.
struct BlockResult: Sendable {
    let summary: BlockSummary
    let drawsText: String?
    let draws: Int
}
