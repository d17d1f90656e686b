using EduCloud.Assessment.Contracts;
using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Features.Attempts;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Items;

/// <summary>
/// Implements <see cref="IItemBank"/> over the bank: who may use an item is ItemAccess's rule (the same as building a
/// quiz); display and marking read by id past the scope filter, because the student answering homework cannot see
/// the teacher's bank, and the homework module has already checked the student may see that homework.
/// </summary>
internal sealed class ItemBank(AssessmentDbContext db, IOrganizationDirectory directory) : IItemBank
{
    public async Task<IReadOnlyList<BankItem>> SearchAsync(BankItemSearch search, CancellationToken ct)
    {
        var items = await ListItems.HandleAsync(db, directory, new ListItems.Filter(search.Kind, null, search.SubjectCode, null, null, search.Q, null,
            Math.Clamp(search.Take, 1, 100)), ct);
        return items.Select(i => new BankItem(i.Id, i.Kind, i.KindName, i.Stem, i.Options.Select(o => new BankOption(o.Key, o.Text)).ToList(), i.Blanks.Count,
            i.Points, i.Kind != nameof(ItemKind.ShortAnswer), i.SubjectName)).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, BankItem>> UsableAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var items = await (await ItemAccess.ReadableAsync(db, directory, ct)).AsNoTracking().Where(i => list.Contains(i.Id)).ToListAsync(ct);
        return items.ToDictionary(i => i.Id, Of);
    }

    public async Task<IReadOnlyDictionary<Guid, BankItem>> ContentAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var items = await db.Items.IgnoreQueryFilters().AsNoTracking().Where(i => list.Contains(i.Id)).ToListAsync(ct);
        return items.ToDictionary(i => i.Id, Of);
    }

    public async Task<BankMark> MarkAsync(Guid itemId, int points, IReadOnlyList<string> response, string field, CancellationToken ct)
    {
        var item = await db.Items.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException("未找到该试题");
        var kept = AnswerItem.Check(item.Kind, item.Options, item.Blanks.Count, response, field);
        var mark = AutoMarker.Score(item.Kind, points, item.Options, item.Blanks, kept);
        return new BankMark(kept, mark.Score is { } s ? (double)s : null, mark.Correct);
    }

    private static BankItem Of(Item i) => new(i.Id, i.Kind.ToString(), i.Kind.ChineseName(), i.Stem, i.Options.Select(o => new BankOption(o.Key, o.Text)).ToList(),
        i.Blanks.Count, i.Points, i.Kind.IsObjective(), ItemCodes.NameOf(ItemCodes.Subjects, i.SubjectCode));
}
