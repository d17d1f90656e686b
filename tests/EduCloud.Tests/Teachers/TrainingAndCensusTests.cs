using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;
using EduCloud.Teachers.Contracts;
using EduCloud.Teachers.Data;
using Microsoft.EntityFrameworkCore;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Teachers;

public sealed class TrainingAndCensusTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Training_hours_count_over_the_five_year_cycle_against_the_fifty_hour_target()
    {
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        var id = (await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId))).GetProperty("id").GetGuid();
        var done = (await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId))).GetProperty("id").GetGuid();

        async Task<JsonElement> AddAsync(Guid teacher, int hours, string date) =>
            await (await county.PostAsJsonAsync($"/api/v1/teachers/{teacher}/training", new { courseName = "整校推进：混合式教学", provider = "贵州省教师发展中心", hours, completedOn = date })).JsonAsync();

        await AddAsync(id, 30, "2020-06-01"); // outside the 2022-2026 cycle
        await AddAsync(id, 20, "2023-05-10");
        var after = await AddAsync(id, 25, "2025-11-20");
        await AddAsync(done, 50, "2024-03-01");

        var summary = (await county.GetFromJsonAsync<JsonElement>($"/api/v1/teachers/{id}/training?year=2026")).GetProperty("summary");
        summary.GetProperty("cycleFrom").GetInt32().ShouldBe(2022);
        summary.GetProperty("cycleHours").GetInt32().ShouldBe(45);
        summary.GetProperty("targetMet").GetBoolean().ShouldBeFalse();
        summary.GetProperty("perYear").EnumerateArray().Select(y => y.GetProperty("hours").GetInt32()).ShouldBe([30, 20, 25]);
        after.GetProperty("records").GetArrayLength().ShouldBe(3);
        // In 2024 the cycle is 2020-2024: 30 + 20 = 50, met.
        (await county.GetFromJsonAsync<JsonElement>($"/api/v1/teachers/{id}/training?year=2024")).GetProperty("summary").GetProperty("targetMet").GetBoolean().ShouldBeTrue();

        var below = await county.GetFromJsonAsync<JsonElement>($"/api/v1/teachers/training/below-target?schoolId={schoolId}&year=2026");
        below.GetProperty("activeTeachers").GetInt32().ShouldBe(2);
        var item = below.GetProperty("teachers").EnumerateArray().Single();
        item.GetProperty("teacherId").GetGuid().ShouldBe(id);
        item.GetProperty("missingHours").GetInt32().ShouldBe(5);

        var bad = await county.PostAsJsonAsync($"/api/v1/teachers/{id}/training", new { courseName = "", provider = "x", hours = 0, completedOn = "2099-01-01" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.JsonAsync();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["courseName", "hours", "completedOn"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_census_counts_active_teachers_per_school_subject_title_and_sex_within_the_callers_scope()
    {
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        // Sequence digits decide sex: TestIds gives varied ones, so read the sex back from each created record.
        var created = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId, subjects: ["数学"])));
        }
        created.Add(await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId, subjects: ["语文"], title: "未评")));
        var retired = created[0];
        var put = await county.PutAsJsonAsync($"/api/v1/teachers/{retired.GetProperty("id").GetGuid()}", new
        {
            version = retired.GetProperty("version").GetInt32(), status = "Retired", name = "王老师",
            citizenId = await CitizenIdOfAsync(retired.GetProperty("id").GetGuid()), ethnicity = "01", education = "21", title = "一级", subjects = new[] { "数学" },
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var all = await ReadAsync(null, all: true);
        var mine = all.Where(c => c.SchoolId == schoolId).ToList();
        mine.Sum(c => c.Teachers).ShouldBe(3);
        var maths = created.Skip(1).Take(2).ToList();
        foreach (var sex in maths.Select(m => Enum.Parse<Sex>(m.GetProperty("sex").GetString()!)).Distinct())
        {
            mine.Where(c => c.SubjectCode == "03" && c.TitleCode == "3" && c.Sex == sex).Sum(c => c.Teachers)
                .ShouldBe(maths.Count(m => m.GetProperty("sex").GetString() == sex.ToString()));
        }
        var chinese = mine.Single(c => c.SubjectCode == "02");
        chinese.TitleCode.ShouldBe("9");
        chinese.Qualification.ShouldBe(QualificationKind.Primary);
        chinese.EducationCode.ShouldBe("21");
        chinese.CountyCode.ShouldBe("520102");

        (await ReadAsync("520103", all: false)).ShouldNotContain(c => c.SchoolId == schoolId);
        (await ReadAsync("520102", all: false)).Where(c => c.SchoolId == schoolId).Sum(c => c.Teachers).ShouldBe(3);
    }

    private async Task<string> CitizenIdOfAsync(Guid teacherId) => await factory.AsPlatformAsync(sp =>
    {
        var db = sp.GetRequiredService<EduCloud.Teachers.Data.TeachersDbContext>();
        var protector = sp.GetRequiredService<EduCloud.Kernel.Privacy.PersonalDataProtector>();
        return Task.FromResult(protector.Unprotect(db.Teachers.Single(t => t.Id == teacherId).CitizenIdCipher));
    });

    /// <summary>Reads the census through the real contract, as the platform (all) or with a county administrator's scope.</summary>
    private async Task<List<TeacherCell>> ReadAsync(string? county, bool all)
    {
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        ITeacherCensus census;
        if (county is null)
        {
            EduCloud.Identity.IdentityModule.ActAsPlatform(sp);
            census = sp.GetRequiredService<ITeacherCensus>();
        }
        else
        {
            var actor = new CountyActor(new DataScope { Counties = [county], ManagedCounties = [county] });
            TeachersDbContext db = EduCloudFactory.OnPostgres
                ? new PostgresTeachersDbContext(sp.GetRequiredService<DbContextOptions<PostgresTeachersDbContext>>(), actor, TimeProvider.System, sp.GetRequiredService<TeacherCensusChangeFeed>())
                : new SqliteTeachersDbContext(sp.GetRequiredService<DbContextOptions<SqliteTeachersDbContext>>(), actor, TimeProvider.System, sp.GetRequiredService<TeacherCensusChangeFeed>());
            census = new TeacherCensus(db);
        }
        var cells = new List<TeacherCell>();
        await foreach (var c in all ? census.ReadAllAsync(CancellationToken.None) : census.ReadAsync(CancellationToken.None))
        {
            cells.Add(c);
        }
        return cells;
    }

    private sealed class CountyActor(DataScope scope) : ICurrentActor
    {
        public Guid? UserId => Guid.NewGuid();
        public string? DisplayName => "county";
        public string? ClientAddress => null;
        public IReadOnlyList<Role> Roles => [Role.CountyAdmin];
        public DataScope Scope => scope;
    }
}
