using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Identity.Features.Assignments;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Identity;

public sealed class ImportAccountsTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static Task<ImportAccounts.Result> ImportAsync(IServiceProvider sp, IReadOnlyList<ImportAccounts.Row> rows) =>
        ImportAccounts.HandleAsync(sp.GetRequiredService<IdentityDbContext>(), sp.GetRequiredService<IOrganizationDirectory>(),
            sp.GetRequiredService<PersonalDataProtector>(), TimeProvider.System, rows, SignInService.HashPassword("Import2026x"), true, CancellationToken.None);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Imported_rows_go_in_together_with_parents_linked_to_children_of_the_same_import_and_can_sign_in()
    {
        var reviewer = new RoleNode(Role.ResourceReviewer, "520000", null, null, null);
        var county = new RoleNode(Role.CountyAdmin, "520102", null, null, null);
        var a = Unique("imp_a");
        var b = Unique("imp_b");
        var result = await factory.AsPlatformAsync(sp => ImportAsync(sp, [
            new(a, "张三", TestIds.NextCitizenId(), "13800000000", [reviewer]),
            new(b, "李四", TestIds.NextCitizenId(), null, [county]),
        ]));

        result.AccountIds.Count.ShouldBe(2);
        using var client = await factory.ClientForAsync(new TestUser(result.AccountIds[1], b, "Import2026x"));
        client.DefaultRequestHeaders.Authorization.ShouldNotBeNull();
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_row_number_and_nothing_is_saved()
    {
        var node = new RoleNode(Role.ResourceReviewer, "520000", null, null, null);
        var good = Unique("imp_ok");
        var duplicateId = TestIds.NextCitizenId();
        var error = await Should.ThrowAsync<ValidationFailedException>(() => factory.AsPlatformAsync(sp => ImportAsync(sp, [
            new(good, "王五", TestIds.NextCitizenId(), null, [node]),
            new(Unique("imp_x"), "赵六", "520102201009010010", null, [node]),
            new(Unique("imp_y"), "钱七", duplicateId, null, [node]),
            new(Unique("imp_z"), "孙八", duplicateId, null, [new RoleNode(Role.CountyAdmin, "999999", null, null, null)]),
            new(Unique("imp_p"), "周九", TestIds.NextCitizenId(), null, [new RoleNode(Role.Parent, null, null, null, null)], ["nobody_here"]),
        ])));

        error.Errors["rows[1].citizenId"][0].ShouldStartWith("第2行：");
        error.Errors["rows[3].citizenId"][0].ShouldContain("重复");
        error.Errors["rows[3].role"][0].ShouldContain("第4行");
        error.Errors["rows[4].childUserNames"][0].ShouldContain("nobody_here");
        error.Errors.Keys.ShouldNotContain(k => k.StartsWith("rows[0]", StringComparison.Ordinal));
        var saved = await factory.AsPlatformAsync(sp => sp.GetRequiredService<IdentityDbContext>().Accounts.IgnoreQueryFilters().AnyAsync(x => x.UserName == good));
        saved.ShouldBeFalse();
    }
}
