import Testing
import Sampling

/// Known-answer vectors of Random123 (D. E. Shaw Research), file `tests/kat_vectors`,
/// commit 9545ff6413f258be2f04c1d319d99aaef7521150: every `philox4x32 10` and
/// `philox4x32 7` line, copied as literals (counter words, key words, expected words,
/// element 0 first). Exact equality: a KAT is bit-for-bit.
struct PhiloxKnownAnswer: Sendable, CustomTestStringConvertible {
    let rounds: Int
    let counter: SIMD4<UInt32>
    let key: SIMD2<UInt32>
    let expected: SIMD4<UInt32>
    var testDescription: String { "philox4x32-\(rounds) ctr \(counter)" }
}

let philoxKnownAnswers: [PhiloxKnownAnswer] = [
    // philox4x32 7 00000000 00000000 00000000 00000000 00000000 00000000   5f6fb709 0d893f64 4f121f81 4f730a48
    .init(rounds: 7, counter: [0x0000_0000, 0x0000_0000, 0x0000_0000, 0x0000_0000], key: [0x0000_0000, 0x0000_0000],
          expected: [0x5f6f_b709, 0x0d89_3f64, 0x4f12_1f81, 0x4f73_0a48]),
    // philox4x32 7 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   5207ddc2 45165e59 4d8ee751 8c52f662
    .init(rounds: 7, counter: [0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff], key: [0xffff_ffff, 0xffff_ffff],
          expected: [0x5207_ddc2, 0x4516_5e59, 0x4d8e_e751, 0x8c52_f662]),
    // philox4x32 7 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   4dfccaba 190a87f0 c47362ba b6b5242a
    .init(rounds: 7, counter: [0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344], key: [0xa409_3822, 0x299f_31d0],
          expected: [0x4dfc_caba, 0x190a_87f0, 0xc473_62ba, 0xb6b5_242a]),
    // philox4x32 10 00000000 00000000 00000000 00000000 00000000 00000000   6627e8d5 e169c58d bc57ac4c 9b00dbd8
    .init(rounds: 10, counter: [0x0000_0000, 0x0000_0000, 0x0000_0000, 0x0000_0000], key: [0x0000_0000, 0x0000_0000],
          expected: [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8]),
    // philox4x32 10 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   408f276d 41c83b0e a20bc7c6 6d5451fd
    .init(rounds: 10, counter: [0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff], key: [0xffff_ffff, 0xffff_ffff],
          expected: [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]),
    // philox4x32 10 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   d16cfe09 94fdcceb 5001e420 24126ea1
    .init(rounds: 10, counter: [0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344], key: [0xa409_3822, 0x299f_31d0],
          expected: [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1]),
]

@Suite("Philox4x32")
struct Philox4x32Tests {
    @Test("Random123 known answers, rounds parameter", arguments: philoxKnownAnswers)
    func knownAnswerWithRounds(_ vector: PhiloxKnownAnswer) {
        // Exact: KAT from Random123 tests/kat_vectors.
        #expect(Philox4x32.block(counter: vector.counter, key: vector.key, rounds: vector.rounds) == vector.expected)
    }

    @Test("Random123 known answers, 10-round fast path", arguments: philoxKnownAnswers.filter { $0.rounds == 10 })
    func knownAnswerTenRounds(_ vector: PhiloxKnownAnswer) {
        // Exact: KAT from Random123 tests/kat_vectors.
        #expect(Philox4x32.block(counter: vector.counter, key: vector.key) == vector.expected)
    }

    @Test("zero or negative rounds return the counter unchanged")
    func zeroRounds() {
        let counter: SIMD4<UInt32> = [1, 2, 3, 4]
        #expect(Philox4x32.block(counter: counter, key: [5, 6], rounds: 0) == counter)
        #expect(Philox4x32.block(counter: counter, key: [5, 6], rounds: -3) == counter)
    }
}
