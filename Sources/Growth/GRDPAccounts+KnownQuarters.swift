extension GRDPAccounts {
    /// The accounts as known after the first `quarters` quarters of the year: each sector keeps
    /// only its quarterly growth for Q1…Q`quarters` (a later published quarter is not yet known
    /// at that point of the year). `quarters` ≤ 0: the accounts as they are. O(sectors).
    /// - Throws: what `GRDPAccounts.init` throws for the truncated sectors (none for accounts
    ///   that were valid, since only quarterly growth is dropped).
    public func knownThrough(quarters: Int) throws(GrowthError) -> GRDPAccounts {
        guard quarters > 0 else { return self }
        let truncated = sectors.map { sector -> SectorAccount in
            var copy = sector
            copy.quarterlyGrowth = Array(sector.quarterlyGrowth.prefix(quarters))
            return copy
        }
        return try GRDPAccounts(
            region: region, baseYear: baseYear, year: year, unit: unit,
            grdpTarget: grdpTarget, sectors: truncated, notes: notes)
    }
}
