using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Assessment.Features.Items;

/// <summary>出题: a teacher adds items to the bank; each sits at the school of the teacher's (first) class.</summary>
internal static class CreateItem
{
    public static async Task<ItemDto> HandleAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, ItemInput input, CancellationToken ct)
    {
        var item = await NewItemAsync(db, directory, clock, ct);
        ItemRules.Apply(item, input);
        db.Items.Add(item);
        // A teacher manages no place; the item's place is their own school, read from their assignment, not their choice.
        await db.SaveChangesAsPlatformAsync(ct);
        return ItemDto.Of(item, item.OwnerId);
    }

    /// <summary>A blank item owned by the caller and placed at their school (a QTI import fills many of these).</summary>
    public static async Task<Item> NewItemAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var classes = await ItemAccess.TeacherClassesAsync(db.Actor, directory, ct);
        var school = (classes.Count > 0 ? classes[0] : null) ?? throw new ForbiddenException("只有任课教师可以出题");
        var now = clock.GetUtcNow().UtcDateTime;
        return new Item
        {
            OwnerId = me, OwnerName = db.Actor.DisplayName ?? "", CreatedAt = now, UpdatedAt = now,
            ProvinceCode = school.Key.ProvinceCode, CityCode = school.Key.CityCode, CountyCode = school.Key.CountyCode, SchoolId = school.SchoolId,
        };
    }

    public static async Task<Created<ItemDto>> EndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, ItemInput input, CancellationToken ct)
    {
        var item = await HandleAsync(db, directory, clock, input, ct);
        return TypedResults.Created($"/api/v1/assessment/items/{item.Id}", item);
    }
}
