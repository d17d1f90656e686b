using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Data;
using EduCloud.Organization.Contracts;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Items;

/// <summary>
/// 修改试题 / 共享 / 删除: only the owner. Quizzes already built keep their own copy of the item; homework refers to
/// the item's version, so an edit that changes what students answer keeps the old version as an ItemEdition.
/// </summary>
internal static class UpdateItem
{
    public static async Task<ItemDto> HandleAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, ItemInput input, CancellationToken ct)
    {
        var item = await ItemAccess.OwnAsync(db, directory, id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = ItemEdition.Of(item, now);
        ItemRules.Apply(item, input);
        if (!before.SameContentAs(item))
        {
            db.ItemEditions.Add(before);
            item.Version++;
        }
        item.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (item.Version > before.Version)
        {
            // Two edits at once both kept version n: the unique (item, version) index refused the second.
            throw new ConflictException("id", "试题刚被修改，请刷新后重试");
        }
        return ItemDto.Of(item, item.OwnerId);
    }

    /// <summary>Retired rather than deleted: statistics of quizzes built from it still name it.</summary>
    public static async Task RetireAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var item = await ItemAccess.OwnAsync(db, directory, id, ct);
        item.Retired = true;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Ok<ItemDto>> EndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, ItemInput input, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, id, input, ct));

    public static async Task<NoContent> RetireEndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, CancellationToken ct)
    {
        await RetireAsync(db, directory, clock, id, ct);
        return TypedResults.NoContent();
    }
}
