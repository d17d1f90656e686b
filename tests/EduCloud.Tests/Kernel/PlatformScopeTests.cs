using EduCloud.Identity.Data;
using EduCloud.Organization.Data;
using EduCloud.Organization.Features.Schools;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Kernel;

/// <summary>The platform itself (CLI, seeding, jobs) reads through the same filtered sets and must see every row.</summary>
public sealed class PlatformScopeTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_platform_sees_scoped_rows_in_every_county_without_ignoring_the_filters()
    {
        var codes = new[] { TestIds.NextSchoolCode(), TestIds.NextSchoolCode() };
        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            await CreateSchool.HandleAsync(db, TimeProvider.System, new CreateSchool.Request(codes[0], "甲校", ["Primary"], "Urban", "520102", ""), default);
            await CreateSchool.HandleAsync(db, TimeProvider.System, new CreateSchool.Request(codes[1], "乙校", ["Primary"], "Rural", "520302", ""), default);
            return 0;
        });
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");

        var (schools, accounts) = await factory.AsPlatformAsync(async sp =>
        {
            var seen = await sp.GetRequiredService<OrganizationDbContext>().Schools.Where(s => codes.Contains(s.Code)).CountAsync();
            var people = await sp.GetRequiredService<IdentityDbContext>().Accounts.CountAsync(a => a.Id == user.Id);
            return (seen, people);
        });

        schools.ShouldBe(2);
        accounts.ShouldBe(1);
    }
}
