using EduCloud.Assessment.Data;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Assessment.Features.Items;

/// <summary>修改试题 / 共享 / 删除: only the owner; quizzes already built keep their own copy of the item.</summary>
internal static class UpdateItem
{
    public static async Task<ItemDto> HandleAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, ItemInput input, CancellationToken ct)
    {
        var item = await ItemAccess.OwnAsync(db, directory, id, ct);
        ItemRules.Apply(item, input);
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
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
