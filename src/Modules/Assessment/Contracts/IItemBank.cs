namespace EduCloud.Assessment.Contracts;

/// <summary>
/// The item bank (题库) as other modules see it, e.g. homework with bank questions. Search and Usable answer only
/// the items the caller may use (their own and their school's shared ones). Content and Mark read items by id for
/// whoever the calling module has already let see the work that lists them (a student doing the homework), so
/// Content never carries answer keys; a retired item still shows and marks, so work set with it stays whole.
/// Work refers to an item's version (<see cref="BankItemRef"/>): an edit after the work was set does not change what
/// that work shows or how it is marked.
/// </summary>
public interface IItemBank
{
    /// <summary>Items the caller may use, newest first: optional text in the stem, subject code, kind; at most 100.</summary>
    Task<IReadOnlyList<BankItem>> SearchAsync(BankItemSearch search, CancellationToken ct);

    /// <summary>Of the given ids, those the caller may use (missing ids are absent).</summary>
    Task<IReadOnlyDictionary<Guid, BankItem>> UsableAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Display content (no answers) of the given item versions, whoever owns them, by item id.</summary>
    Task<IReadOnlyDictionary<Guid, BankItem>> ContentAsync(IReadOnlyCollection<BankItemRef> items, CancellationToken ct);

    /// <summary>
    /// Marks a response against the item's version, scaled to <paramref name="points"/>. Objective items (choice, true/false,
    /// fill-in) get a score; a short answer gets none (the teacher marks it). An answer in a bad shape is a
    /// ValidationFailedException on <paramref name="field"/>.
    /// </summary>
    Task<BankMark> MarkAsync(BankItemRef item, int points, IReadOnlyList<string> response, string field, CancellationToken ct);
}

/// <param name="Q">Text the stem contains.</param>
/// <param name="SubjectCode">A subject code of the catalogue (yuwen, shuxue ...).</param>
/// <param name="Kind">SingleChoice, MultipleChoice, TrueFalse, FillBlank or ShortAnswer.</param>
public sealed record BankItemSearch(string? Q = null, string? SubjectCode = null, string? Kind = null, int Take = 50);

/// <summary>
/// An item for display: the kind, stem, choice texts (keys A.. or T/F), how many blanks; Objective = auto-marked;
/// Version = the item's version this describes.
/// </summary>
public sealed record BankItem(Guid Id, string Kind, string KindName, string Stem, IReadOnlyList<BankOption> Options, int Blanks, int Points, bool Objective,
    string SubjectName, int Version);

/// <summary>One version of an item, as work that uses it keeps it. Version 0 means the item as it is now (work set before versions were kept).</summary>
public sealed record BankItemRef(Guid Id, int Version);

public sealed record BankOption(string Key, string Text);

/// <param name="Response">The response as kept (choice keys sorted, one entry per blank, or the text).</param>
/// <param name="Score">Null for a short answer (marked by the teacher).</param>
public sealed record BankMark(IReadOnlyList<string> Response, double? Score, bool? Correct);
