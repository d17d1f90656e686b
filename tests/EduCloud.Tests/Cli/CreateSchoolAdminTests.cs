using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Identity.Data;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Server.Cli;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Cli;

/// <summary>create-admin --role SchoolAdmin --school 学校标识码, run in-process against the test server's database (SQLite or PostgreSQL).</summary>
public sealed class CreateSchoolAdminTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Create_admin_places_a_school_administrator_at_the_school_named_by_its_code()
    {
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var schoolId = await OrgApi.CreateSchoolAsync(county, "520102");
        var code = (await county.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}")).GetProperty("code").GetString()!;
        var user = "sa_" + Guid.NewGuid().ToString("N")[..8];

        var exit = await CreateAdminCommand.RunAsync(factory.Services, Options(user, "--role", "SchoolAdmin", "--school", code), CancellationToken.None);

        exit.ShouldBe(0);
        var placed = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var id = await db.Accounts.IgnoreQueryFilters().Where(a => a.UserName == user).Select(a => a.Id).SingleAsync();
            return await db.Assignments.IgnoreQueryFilters().Where(a => a.AccountId == id).Select(a => new { a.Role, a.SchoolId, a.CountyCode }).SingleAsync();
        });
        placed.Role.ShouldBe(Role.SchoolAdmin);
        placed.SchoolId.ShouldBe(schoolId);
        placed.CountyCode.ShouldBe("520102");
    }

    [Theory]
    [InlineData("123", "学校标识码应为10位数字")]
    [InlineData("2152999999", "未找到学校标识码为 2152999999 的学校")]
    public async Task A_bad_or_unknown_school_code_is_refused_naming_the_school_option(string code, string message)
    {
        var user = "sa_" + Guid.NewGuid().ToString("N")[..8];

        var refused = await Should.ThrowAsync<ValidationFailedException>(() =>
            CreateAdminCommand.RunAsync(factory.Services, Options(user, "--role", "SchoolAdmin", "--school", code), CancellationToken.None));

        refused.Errors["school"].ShouldContain(message);
        (await factory.AsPlatformAsync(sp => sp.GetRequiredService<IdentityDbContext>().Accounts.IgnoreQueryFilters().AnyAsync(a => a.UserName == user))).ShouldBeFalse();
    }

    private static Dictionary<string, string> Options(string user, params string[] more) => CliCommands.ParseOptions(
        ["--user", user, "--name", "校管理员", "--citizen-id", TestIds.NextCitizenId("520102", "19800101"), "--password", "Secret2026x", .. more]);
}
