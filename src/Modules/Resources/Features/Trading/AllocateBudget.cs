using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Trading;

/// <summary>
/// An administrator sets a school's licence budget for one year (the new total, in cents). The school's bureaus and
/// its own administrator may; anyone else is refused by the scope guard (403, audited). Each allocation is kept as a
/// BudgetAllocation row and audited. The total may not drop below what the school has already spent.
/// </summary>
internal static class AllocateBudget
{
    public sealed record Request(Guid SchoolId, int? Year, long AllocatedCents, string? Note);

    public static async Task<BudgetDto> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var actor = db.Actor;
        var year = request.Year ?? Money.CurrentYear(clock);
        var note = PlainText.Clean(request.Note);
        new Problems()
            .Check(year is >= 2000 and <= 2100, "year", "预算年度应在2000到2100之间")
            .Check(request.AllocatedCents is >= 0 and <= 100_000_000_000, "allocatedCents", "预算金额应在0到10亿元之间（单位：分）")
            .MaxLength(note, 200, "note", "说明")
            .Check(!PlainText.HasMarkup(note), "note", "说明不能包含HTML标记")
            .ThrowIfAny();
        var school = await directory.FindSchoolAsync(request.SchoolId, ct);
        if (school is null || !actor.Scope.CanRead(school.Key) && !actor.Scope.CanManage(school.Key))
        {
            throw new NotFoundException("未找到该学校");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var budget = await db.Budgets.FirstOrDefaultAsync(b => b.SchoolId == school.Id && b.Year == year, ct);
        if (budget is null)
        {
            budget = new SchoolBudget
            {
                Year = year, SchoolId = school.Id, ProvinceCode = school.Key.ProvinceCode, CityCode = school.Key.CityCode, CountyCode = school.Key.CountyCode,
            };
            db.Budgets.Add(budget);
        }
        if (request.AllocatedCents < budget.SpentCents)
        {
            throw ValidationFailedException.For("allocatedCents", $"预算不能低于本年度已支出的{Money.Yuan(budget.SpentCents)}");
        }
        db.BudgetAllocations.Add(new BudgetAllocation
        {
            BudgetId = budget.Id, Year = year, PreviousCents = budget.AllocatedCents, AllocatedCents = request.AllocatedCents,
            ById = actor.UserId, ByName = actor.DisplayName ?? "", Note = note, At = now,
            SchoolId = school.Id, ProvinceCode = school.Key.ProvinceCode, CityCode = school.Key.CityCode, CountyCode = school.Key.CountyCode,
        });
        budget.AllocatedCents = request.AllocatedCents;
        budget.Version++;
        budget.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another allocation or an order changed this budget (or created it) meanwhile: the caller decides again.
            throw new ConflictException("allocatedCents", "该校预算刚被修改，请刷新后重试");
        }
        return BudgetDtos.From(budget, school.Name);
    }

    public static async Task<Ok<BudgetDto>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, request, ct));
}
