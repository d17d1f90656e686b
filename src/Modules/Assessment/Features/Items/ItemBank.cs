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
            i.Points, i.Kind != nameof(ItemKind.ShortAnswer), i.SubjectName, i.Version)).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, BankItem>> UsableAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var items = await (await ItemAccess.ReadableAsync(db, directory, ct)).AsNoTracking().Where(i => list.Contains(i.Id)).ToListAsync(ct);
        return items.ToDictionary(i => i.Id, Of);
    }

    public async Task<IReadOnlyDictionary<Guid, BankItem>> ContentAsync(IReadOnlyCollection<BankItemRef> items, CancellationToken ct)
    {
        var ids = items.Select(r => r.Id).Distinct().ToList();
        var current = await db.Items.IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var older = items.Where(r => current.TryGetValue(r.Id, out var i) && IsEarlier(r, i)).ToList();
        var editions = await EditionsAsync(older, ct);
        var result = new Dictionary<Guid, BankItem>();
        foreach (var r in items)
        {
            if (editions.GetValueOrDefault((r.Id, r.Version)) is { } e)
            {
                result[r.Id] = Of(e);
            }
            else if (current.GetValueOrDefault(r.Id) is { } i)
            {
                result[r.Id] = Of(i);
            }
        }
        return result;
    }

    public async Task<BankMark> MarkAsync(BankItemRef item, int points, IReadOnlyList<string> response, string field, CancellationToken ct)
    {
        var now = await db.Items.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.Id == item.Id, ct) ?? throw new NotFoundException("未找到该试题");
        var (kind, options, blanks) = (now.Kind, now.Options, now.Blanks);
        if (IsEarlier(item, now) && (await EditionsAsync([item], ct)).GetValueOrDefault((item.Id, item.Version)) is { } e)
        {
            (kind, options, blanks) = (e.Kind, e.Options, e.Blanks);
        }
        var kept = AnswerItem.Check(kind, options, blanks.Count, response, field);
        var mark = AutoMarker.Score(kind, points, options, blanks, kept);
        return new BankMark(kept, mark.Score is { } s ? (double)s : null, mark.Correct);
    }

    private static bool IsEarlier(BankItemRef r, Item now) => r.Version > 0 && r.Version < now.Version;

    private async Task<Dictionary<(Guid, int), ItemEdition>> EditionsAsync(IReadOnlyCollection<BankItemRef> refs, CancellationToken ct)
    {
        if (refs.Count == 0)
        {
            return [];
        }
        var ids = refs.Select(r => r.Id).Distinct().ToList();
        var wanted = refs.Select(r => (r.Id, r.Version)).ToHashSet();
        var rows = await db.ItemEditions.AsNoTracking().Where(e => ids.Contains(e.ItemId)).ToListAsync(ct);
        return rows.Where(e => wanted.Contains((e.ItemId, e.Version))).ToDictionary(e => (e.ItemId, e.Version));
    }

    private static BankItem Of(Item i) => new(i.Id, i.Kind.ToString(), i.Kind.ChineseName(), i.Stem, i.Options.Select(o => new BankOption(o.Key, o.Text)).ToList(),
        i.Blanks.Count, i.Points, i.Kind.IsObjective(), ItemCodes.NameOf(ItemCodes.Subjects, i.SubjectCode), i.Version);

    private static BankItem Of(ItemEdition e) => new(e.ItemId, e.Kind.ToString(), e.Kind.ChineseName(), e.Stem, e.Options.Select(o => new BankOption(o.Key, o.Text)).ToList(),
        e.Blanks.Count, e.Points, e.Kind.IsObjective(), ItemCodes.NameOf(ItemCodes.Subjects, e.SubjectCode), e.Version);
}
