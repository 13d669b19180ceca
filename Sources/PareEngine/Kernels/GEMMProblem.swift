// GEMMProblem: one product's operands and scale, in the form work items can share across threads.

/// The operands and scale of one product.
///
/// `@unchecked Sendable` because `concurrentPerform` closures must be `@Sendable` and the views hold raw pointers:
/// work items only read A and B and write disjoint tiles of C, and `multiply` returns only after every item ends.
struct GEMMProblem: @unchecked Sendable {
    let a: GEMMOperand
    let b: GEMMOperand
    let c: GEMMOperand
    let scale: GEMMScale

    var m: Int { a.rows }
    var n: Int { b.columns }
    var k: Int { a.columns }
}
