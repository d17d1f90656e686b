namespace EduCloud.Records.Json;

/// <summary>
/// The property path a rule failure names ("statement.object.definition.name"), joined only when a rule fails.
/// The checks pass a path into every call and nearly every statement is valid: joining it on the way down made a
/// new string per property checked, a good part of the rule checks' allocations (docs/benchmarks.md, "Session 14").
/// Up to three parts wait unjoined; a fourth joins them first.
/// </summary>
internal readonly struct RulePath
{
    private readonly string _head;
    private readonly string? _a, _b, _c;

    private RulePath(string head, string? a, string? b, string? c) => (_head, _a, _b, _c) = (head, a, b, c);

    public static implicit operator RulePath(string path) => new(path, null, null, null);

    /// <summary>The path with <paramref name="part"/> appended as written (".name", "[2]").</summary>
    public static RulePath operator +(RulePath path, string part) =>
        path._a is null ? new(path._head, part, null, null)
        : path._b is null ? new(path._head, path._a, part, null)
        : path._c is null ? new(path._head, path._a, path._b, part)
        : new(path.ToString(), part, null, null);

    /// <summary>The path of an array's item: "[0]", "[1]", … (the first few written once).</summary>
    public RulePath Item(int index) => this + (index < Indexes.Length ? Indexes[index] : $"[{index}]");

    private static readonly string[] Indexes = [.. Enumerable.Range(0, 16).Select(i => $"[{i}]")];

    public override string ToString() => string.Concat(_head, _a, _b, _c);
}
