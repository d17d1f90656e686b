using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Identity.Data;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Privacy;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Data;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Organization;

public sealed class DemoDataTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly string[] DemoAccounts = ["national_admin", "gz_admin", "gy_admin", "nm_admin", "school_admin", "teacher", "student", "parent", "reviewer", "provider"];

    [Fact]
    public async Task The_demo_province_is_seeded_quickly_with_valid_people_and_every_demo_account_signs_in()
    {
        var watch = Stopwatch.StartNew();
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        // A second run changes nothing: it only seeds an empty database.
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);

        await factory.AsPlatformAsync(async sp =>
        {
            var org = sp.GetRequiredService<OrganizationDbContext>();
            (await org.Schools.IgnoreQueryFilters().CountAsync()).ShouldBeInRange(45, 60);
            (await org.TeachingPoints.IgnoreQueryFilters().CountAsync()).ShouldBeGreaterThan(0);
            (await org.Classes.IgnoreQueryFilters().CountAsync(c => c.TeachingPointId != null)).ShouldBeGreaterThan(0);
            (await org.AcademicYears.Include(y => y.Terms).SingleAsync(y => y.StartYear == 2026)).Terms.Count.ShouldBe(2);
            foreach (var school in await org.Schools.IgnoreQueryFilters().ToListAsync())
            {
                SchoolCode.Validate(school.Code, school.RegionCode).ShouldBeNull(school.Code);
                school.Code[..2].ShouldBe(school.Stages switch { EduCloud.Organization.Domain.StageSet.Junior => "31", EduCloud.Organization.Domain.StageSet.Senior => "34", _ => "21" });
            }

            var identity = sp.GetRequiredService<IdentityDbContext>();
            var students = await identity.Assignments.IgnoreQueryFilters().Where(a => a.Role == Role.Student).Select(a => a.AccountId).ToListAsync();
            students.Count.ShouldBeGreaterThanOrEqualTo(5000);
            (await identity.Assignments.IgnoreQueryFilters().CountAsync(a => a.Role == Role.Teacher)).ShouldBeGreaterThan(150);
            var parents = await identity.GuardianLinks.IgnoreQueryFilters().GroupBy(l => l.ParentId).Select(g => g.Count()).ToListAsync();
            parents.Count.ShouldBeGreaterThan(4000);
            parents.ShouldContain(2);

            // Decrypt a sample through the protector: every citizen ID is a valid GB 11643 number fitting its class.
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            var classes = await org.Classes.IgnoreQueryFilters().ToDictionaryAsync(c => c.Id, c => c.CountyCode);
            var sample = await identity.Accounts.IgnoreQueryFilters().Where(a => students.Contains(a.Id)).OrderBy(a => a.CitizenIdHash).Take(300).ToListAsync();
            foreach (var account in sample)
            {
                var id = CitizenId.TryParse(protector.Unprotect(account.CitizenIdCipher), out var error);
                id.ShouldNotBeNull(error);
                id.RegionCode.ShouldBe(classes[account.ClassId!.Value]);
                id.BirthDate.Year.ShouldBeInRange(2008, 2020);
                account.BirthDate.ShouldBe(id.BirthDate);
            }
            return 0;
        });

        foreach (var userName in DemoAccounts)
        {
            using var client = await factory.ClientForAsync(new TestUser(Guid.Empty, userName, DemoData.Password));
            var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
            me.ToString().ShouldContain(userName);
        }
    }

    [Fact]
    public async Task The_demo_teacher_sees_two_classes_and_the_county_admin_sees_the_first_school()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);

        using var teacher = await factory.ClientForAsync(new TestUser(Guid.Empty, "teacher", DemoData.Password));
        var mine = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/org/tree");
        mine.GetProperty("children").GetArrayLength().ShouldBe(2);

        using var county = await factory.ClientForAsync(new TestUser(Guid.Empty, "nm_admin", DemoData.Password));
        var tree = await county.GetFromJsonAsync<JsonElement>("/api/v1/org/tree");
        tree.GetProperty("node").GetProperty("name").GetString().ShouldBe("南明区");
        tree.GetProperty("children")[0].GetProperty("name").GetString().ShouldBe("南明区第一实验小学");
    }
}
