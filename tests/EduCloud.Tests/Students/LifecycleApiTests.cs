using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Students;

public sealed class LifecycleApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Admission_checks_the_id_against_birth_date_and_sex_and_requires_consent_under_14()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        var classId = w.Classes[(1, 1)];
        var id = TestIds.NextCitizenId(birth: "20190901");
        var bad = await w.School.PostAsJsonAsync("/api/v1/students", new { name = "李明", citizenId = id, birthDate = "2015-01-01", sex = id[16] % 2 == 1 ? "女" : "男", ethnicity = "火星族", classId });
        var problem = await StudentsWorld.OkAsync(bad, HttpStatusCode.BadRequest);
        problem.Errors("birthDate").ShouldContain("出生日期与身份证号中的出生日期不一致");
        problem.Errors("sex").ShouldContain("性别与身份证号不一致");
        problem.Errors("ethnicity").ShouldContain("民族无效（GB 3304）");
        problem.Errors("consentGuardianName").ShouldNotBeEmpty();

        var checkDigit = id[..17] + (id[17] == '0' ? '1' : '0');
        (await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync("/api/v1/students", new { name = "李明", citizenId = checkDigit, ethnicity = "01", classId, consentGuardianName = "李父" }),
            HttpStatusCode.BadRequest)).Errors("citizenId").ShouldContain("公民身份号码校验码不正确");

        var ok = await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync("/api/v1/students", new { name = "李明", citizenId = id, ethnicity = "汉", classId, consentGuardianName = "李父" }),
            HttpStatusCode.Created);
        ok.GetProperty("studentNumber").GetString().ShouldBe("G" + id);
        var again = await w.School.PostAsJsonAsync("/api/v1/students", new { name = "李明", citizenId = id, ethnicity = "汉", classId, consentGuardianName = "李父" });
        (await StudentsWorld.OkAsync(again, HttpStatusCode.Conflict)).Errors("citizenId").ShouldNotBeEmpty();

        // No ID: a temporary L number from the county, the birth date and a sequence.
        var temp = await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync("/api/v1/students",
            new { name = "王芳", sex = "女", birthDate = "2019-03-04", ethnicity = "06", classId, consentGuardianName = "王母" }), HttpStatusCode.Created);
        temp.GetProperty("studentNumber").GetString().ShouldStartWith("L52010220190304");
        var detail = await w.GetAsync(temp.GetProperty("id").GetGuid());
        detail.GetProperty("history").GetArrayLength().ShouldBe(1);
        detail.GetProperty("ethnicityName").GetString().ShouldBe("苗族");
        await w.AssertCensusExactAsync();
    }

    [Fact]
    public async Task Suspend_resume_cancel_and_withdraw_keep_history_and_census_exact()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        var (id, version) = await w.AdmitAsync(w.Classes[(1, 1)]);
        await w.AssertCensusExactAsync();

        var suspended = await StudentsWorld.OkAsync(await w.ChangeAsync(id, new { kind = "Suspension", reasonCode = "61", effectiveOn = "2026-10-08", version }));
        suspended.GetProperty("status").GetString().ShouldBe("Suspended");
        await w.AssertCensusExactAsync();

        // Forbidden: suspending a suspended student; a reason of another kind; a date before the last change.
        version = suspended.GetProperty("version").GetInt32();
        (await w.ChangeAsync(id, new { kind = "Suspension", reasonCode = "61", effectiveOn = "2026-10-09", version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var early = await StudentsWorld.OkAsync(await w.ChangeAsync(id, new { kind = "Resumption", reasonCode = "82", effectiveOn = "2026-09-15", version }), HttpStatusCode.BadRequest);
        early.Errors("reasonCode").ShouldNotBeEmpty();
        early.Errors("effectiveOn").ShouldNotBeEmpty();

        var resumed = await StudentsWorld.OkAsync(await w.ChangeAsync(id, new { kind = "Resumption", reasonCode = "71", effectiveOn = "2026-11-01", version }));
        version = resumed.GetProperty("version").GetInt32();
        await w.AssertCensusExactAsync();

        // Only the latest change in force can be cancelled, and only once.
        var detail = await w.GetAsync(id);
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("kind").GetString()).ShouldBe(["Admission", "Suspension", "Resumption"]);
        var suspension = history[1].GetProperty("id").GetGuid();
        var resumption = history[2].GetProperty("id").GetGuid();
        detail.GetProperty("cancellableChangeId").GetGuid().ShouldBe(resumption);
        var notLatest = await w.School.PostAsJsonAsync($"/api/v1/students/{id}/cancel-change", new { changeId = suspension, reasonCode = "01", version });
        (await StudentsWorld.OkAsync(notLatest, HttpStatusCode.Conflict)).Errors("changeId").ShouldContain("只能撤销该学生最近一次仍有效的异动");
        var cancelled = await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync($"/api/v1/students/{id}/cancel-change", new { changeId = resumption, reasonCode = "01", version }));
        cancelled.GetProperty("status").GetString().ShouldBe("Suspended");
        version = cancelled.GetProperty("version").GetInt32();
        (await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync($"/api/v1/students/{id}/cancel-change", new { changeId = resumption, reasonCode = "01", version }),
            HttpStatusCode.Conflict)).Errors("changeId").ShouldContain("该异动已被撤销");
        await w.AssertCensusExactAsync();

        // Withdrawal from primary school needs the county: the school is refused, the county may.
        (await w.ChangeAsync(id, new { kind = "Withdrawal", reasonCode = "81", effectiveOn = "2026-11-05", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var withdrawn = await StudentsWorld.OkAsync(await w.ChangeAsync(id, new { kind = "Withdrawal", reasonCode = "81", effectiveOn = "2026-11-05", version }, w.County));
        withdrawn.GetProperty("status").GetString().ShouldBe("Withdrawn");
        await w.AssertCensusExactAsync();

        var final = await w.GetAsync(id);
        final.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString())
            .ShouldBe(["Admission", "Suspension", "Resumption", "Cancellation", "Withdrawal"]);
        final.GetProperty("history")[2].GetProperty("cancelledByChangeId").GetGuid().ShouldBe(final.GetProperty("history")[3].GetProperty("id").GetGuid());
        final.GetProperty("history")[1].GetProperty("reasonName").GetString().ShouldBe("因病");
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_of_two_concurrent_changes_exactly_one_wins()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        var (id, version) = await w.AdmitAsync(w.Classes[(1, 1)]);

        var update = await StudentsWorld.OkAsync(await w.School.PutAsJsonAsync($"/api/v1/students/{id}", new { name = "改名", leftBehind = true, version }));
        update.GetProperty("version").GetInt32().ShouldBe(version + 1);
        var stale = await w.School.PutAsJsonAsync($"/api/v1/students/{id}", new { name = "再改", version });
        (await StudentsWorld.OkAsync(stale, HttpStatusCode.Conflict)).Errors("version").ShouldContain("该学生的学籍已被他人修改，请刷新后重试");
        version = update.GetProperty("version").GetInt32();
        await w.AssertCensusExactAsync();

        var otherAdmin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: w.SchoolId));
        var results = await Task.WhenAll(
            w.ChangeAsync(id, new { kind = "Suspension", reasonCode = "61", effectiveOn = "2026-10-08", version }),
            w.ChangeAsync(id, new { kind = "Suspension", reasonCode = "62", effectiveOn = "2026-10-08", version }, otherAdmin));
        results.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var detail = await w.GetAsync(id);
        detail.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "Suspension").ShouldBe(1);
        detail.GetProperty("version").GetInt32().ShouldBe(version + 1);
        await w.AssertCensusExactAsync();
    }

    [Fact]
    public async Task Out_of_scope_administrators_and_teachers_neither_see_nor_change_a_student()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        var (id, version) = await w.AdmitAsync(w.Classes[(1, 1)]);
        var otherCounty = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520103"));
        (await otherCounty.GetAsync($"/api/v1/students/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.ChangeAsync(id, new { kind = "Suspension", reasonCode = "61", effectiveOn = "2026-10-08", version }, otherCounty)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await otherCounty.GetFromJsonAsync<JsonElement>($"/api/v1/students?schoolId={w.SchoolId}");
        list.GetProperty("total").GetInt32().ShouldBe(0);
        var admitElsewhere = await otherCounty.PostAsJsonAsync("/api/v1/students", new { name = "越权", citizenId = TestIds.NextCitizenId(), ethnicity = "01", classId = w.Classes[(1, 1)] });
        admitElsewhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var teacherHere = await factory.ClientForAsync(await factory.CreateUserAsync("Teacher", schoolId: w.SchoolId, classId: w.Classes[(1, 1)]));
        var teacherThere = await factory.ClientForAsync(await factory.CreateUserAsync("Teacher", schoolId: w.SchoolId, classId: w.Classes[(6, 1)]));
        var seen = await teacherHere.GetFromJsonAsync<JsonElement>("/api/v1/students");
        seen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);
        seen.GetProperty("items")[0].GetProperty("studentNumberMasked").GetString()!.ShouldContain("*");
        (await teacherThere.GetAsync($"/api/v1/students/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.ChangeAsync(id, new { kind = "Suspension", reasonCode = "61", effectiveOn = "2026-10-08", version }, teacherHere)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", regionCode: "520000"));
        (await reviewer.GetAsync("/api/v1/students")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Class_change_moves_within_the_grade_and_a_temporary_number_is_confirmed_once()
    {
        var w = await StudentsWorld.CreateAsync(factory, "520102", (1, 1), (1, 2), (6, 1));
        var created = await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync("/api/v1/students",
            new { name = "赵强", sex = "男", birthDate = "2019-05-06", ethnicity = "01", classId = w.Classes[(1, 1)], consentGuardianName = "赵父", effectiveOn = "2026-09-01" }),
            HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();
        (await StudentsWorld.OkAsync(await w.ChangeAsync(id, new { kind = "ClassChange", reasonCode = "55", effectiveOn = "2026-09-10", classId = w.Classes[(6, 1)], version }),
            HttpStatusCode.BadRequest)).Errors("classId").ShouldContain("调班应调入同一年级的其他班级");
        var moved = await StudentsWorld.OkAsync(await w.ChangeAsync(id, new { kind = "ClassChange", reasonCode = "55", effectiveOn = "2026-09-10", classId = w.Classes[(1, 2)], version }));
        version = moved.GetProperty("version").GetInt32();
        (await w.GetAsync(id)).GetProperty("classId").GetGuid().ShouldBe(w.Classes[(1, 2)]);

        var wrongSex = TestIds.NextCitizenId(birth: "20190506");
        while ((wrongSex[16] - '0') % 2 == 1) { wrongSex = TestIds.NextCitizenId(birth: "20190506"); }
        (await w.School.PostAsJsonAsync($"/api/v1/students/{id}/confirm-number", new { citizenId = wrongSex, version })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var confirmed = await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync($"/api/v1/students/{id}/confirm-number", new { citizenId = "520102201905060015", version }),
            HttpStatusCode.BadRequest);
        confirmed.Errors("citizenId").ShouldNotBeEmpty();
    }
}
