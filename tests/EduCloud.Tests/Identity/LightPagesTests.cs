using System.Net;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Schools;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Identity;

/// <summary>Student and parent pages share a 4 Mbit/s link at a teaching point: they must stay small and script-free.</summary>
public sealed class LightPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_parents_home_page_is_under_8_KB_without_scripts_and_carries_chinese_as_characters()
    {
        var classId = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            var school = await CreateSchool.HandleAsync(db, TimeProvider.System, new CreateSchool.Request(TestIds.NextSchoolCode(), "花溪区中心小学", ["Primary"], "Rural", "520111", ""), default);
            var now = DateTime.UtcNow;
            var grade = new Grade { AcademicYearId = Guid.NewGuid(), Stage = EduCloud.Kernel.Codes.Stage.Primary, Level = 2, Name = "二年级", EntryYear = 2025, SchoolId = school.Id, CreatedAt = now, UpdatedAt = now };
            grade.PlaceInCounty("520111");
            var cls = new ClassGroup { GradeId = grade.Id, Number = 1, Name = "1班", SchoolId = school.Id, CreatedAt = now, UpdatedAt = now };
            cls.PlaceInCounty("520111");
            cls.ClassId = cls.Id;
            db.AddRange(grade, cls);
            await db.SaveChangesAsync();
            return cls.Id;
        });
        var child = await factory.CreateUserAsync("Student", classId: classId);
        var parent = await factory.CreateUserAsync("Parent", childIds: [child.Id]);
        using var browser = new BrowserSession(factory);
        (await browser.SignInAsync(parent)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await browser.Http.GetAsync("/");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var html = System.Text.Encoding.UTF8.GetString(bytes);
        var css = await browser.Http.GetByteArrayAsync("/app.css");

        html.ShouldContain("花溪区中心小学");
        html.ShouldContain("data-role=\"Parent\"");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("&#x");
        (bytes.Length + css.Length).ShouldBeLessThan(8 * 1024);
    }
}
