using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Identity.Features.Scope;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Features.Entries;
using EduCloud.Lessons.Features.Review;
using EduCloud.Lessons.Features.Rounds;
using EduCloud.Resources.Contracts;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Lessons;

/// <summary>
/// An edit (or withdrawal) of an entry racing its first score, and a rubric edit racing the first score of the round:
/// exactly one of the two wins. The interleaving is forced, not hoped for: the loser runs in-process through the real
/// handler on a context whose interceptor, when the handler is about to open its write transaction (its reads done),
/// first lets the other side run over HTTP to completion. The loser must then refuse with a Chinese 409 reason
/// (ConflictException, which ProblemMapping answers 409) and leave no trace.
/// </summary>
public sealed class ContestRaceTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly object FourCriteria = new { criteria = new[] { new { name = "教学设计", maxPoints = 25 }, new { name = "教学实施", maxPoints = 35 }, new { name = "教学效果", maxPoints = 20 }, new { name = "技术应用", maxPoints = 20 } } };

    private sealed record Setup(Guid RoundId, Guid EntryId, Teacher Teacher, HttpClient County, TestUser CountyUser, HttpClient Organiser, TestUser OrganiserUser);

    private async Task<Setup> EntryUnderCountyReviewAsync(int year)
    {
        var organiserUser = await factory.CreateUserAsync("NationalAdmin");
        var organiser = await factory.ClientForAsync(organiserUser);
        var countyUser = await factory.CreateUserAsync("CountyAdmin", "520102");
        var county = await factory.ClientForAsync(countyUser);
        var roundId = await LessonApi.RoundAsync(organiser, year);
        var teacher = await LessonApi.TeacherAsync(factory, "520102", "1 春");
        var entry = await LessonApi.SubmittedAsync(teacher, roundId);
        await LessonApi.AdvanceAsync(organiser, roundId, "CountyReview");
        return new Setup(roundId, entry, teacher, county, countyUser, organiser, organiserUser);
    }

    [Fact]
    public async Task An_edit_that_read_the_entry_before_a_score_landed_is_refused()
    {
        var s = await EntryUnderCountyReviewAsync(2040);
        HttpResponseMessage? score = null;

        var loser = await Should.ThrowAsync<ConflictException>(() => AsAsync(s.Teacher.User, async () => score = await ScoreAsync(s.County, s.EntryId),
            (db, sp) => EditEntry.HandleAsync(db, sp.GetRequiredService<IResourceLookup>(), s.EntryId,
                new EditEntry.Request("改过的课题", null, s.Teacher.DesignId, null, null, null), CancellationToken.None)));

        score!.StatusCode.ShouldBe(HttpStatusCode.OK, await score.Content.ReadAsStringAsync());
        MessageOf(loser).ShouldBe("该课例刚被评审打分，不能再修改");
        (await MineAsync(s.Teacher, s.EntryId)).GetProperty("title").GetString().ShouldBe("朗读中的春天");
    }

    [Fact]
    public async Task A_withdrawal_that_read_the_entry_before_a_score_landed_is_refused()
    {
        var s = await EntryUnderCountyReviewAsync(2041);
        HttpResponseMessage? score = null;

        var loser = await Should.ThrowAsync<ConflictException>(() => AsAsync(s.Teacher.User, async () => score = await ScoreAsync(s.County, s.EntryId),
            (db, _) => WithdrawEntry.HandleAsync(db, s.EntryId, CancellationToken.None)));

        score!.StatusCode.ShouldBe(HttpStatusCode.OK, await score.Content.ReadAsStringAsync());
        MessageOf(loser).ShouldBe("该课例刚被评审打分，不能再撤回");
        (await LessonApi.StatusAsync(s.Teacher, s.EntryId)).ShouldBe("Submitted");
    }

    [Fact]
    public async Task A_score_that_read_the_entry_before_an_edit_landed_is_refused()
    {
        var s = await EntryUnderCountyReviewAsync(2042);
        HttpResponseMessage? edit = null;

        var loser = await Should.ThrowAsync<ConflictException>(() => AsAsync(s.CountyUser,
            async () => edit = await s.Teacher.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{s.EntryId}", new { title = "改过的课题", designResourceId = s.Teacher.DesignId }),
            (db, _) => ScoreEntry.HandleAsync(db, TimeProvider.System, s.EntryId, new ScoreEntry.Request(Points(18, 30, 16, 15), null), CancellationToken.None)));

        edit!.StatusCode.ShouldBe(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        MessageOf(loser).ShouldBe("该课例刚被作者修改或撤回，请刷新后重新评分");
        (await MineAsync(s.Teacher, s.EntryId)).GetProperty("title").GetString().ShouldBe("改过的课题");
        (await QueueEntryAsync(s.County, s.EntryId)).GetProperty("scoreCount").GetInt32().ShouldBe(0);
        // The race is over: scoring again judges the edited entry, and from then on the teacher's edit is refused.
        (await ScoreAsync(s.County, s.EntryId)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LessonApi.ConflictMessageAsync(await s.Teacher.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{s.EntryId}", new { title = "再改", designResourceId = s.Teacher.DesignId })))
            .ShouldBe("该课例已有评审打分，不能再修改");
    }

    [Fact]
    public async Task A_rubric_edit_that_looked_for_scores_before_the_first_score_landed_is_refused()
    {
        var s = await EntryUnderCountyReviewAsync(2043);
        HttpResponseMessage? score = null;

        var loser = await Should.ThrowAsync<ConflictException>(() => AsAsync(s.OrganiserUser, async () => score = await ScoreAsync(s.County, s.EntryId),
            (db, _) => EditRubric.HandleAsync(db, TimeProvider.System, s.RoundId,
                new EditRubric.Request([new CreateRound.CriterionInput("整体", 100)]), CancellationToken.None)));

        score!.StatusCode.ShouldBe(HttpStatusCode.OK, await score.Content.ReadAsStringAsync());
        MessageOf(loser).ShouldBe("该活动已开始评分，评分细则不能再修改");
        (await CriteriaAsync(s.Organiser, s.RoundId)).ShouldBe(["教学设计 20", "教学实施 40", "教学效果 20", "技术应用 20"]);
    }

    [Fact]
    public async Task A_first_score_given_by_a_rubric_that_changed_meanwhile_is_refused()
    {
        var s = await EntryUnderCountyReviewAsync(2044);
        HttpResponseMessage? rubric = null;

        var loser = await Should.ThrowAsync<ConflictException>(() => AsAsync(s.CountyUser,
            async () => rubric = await s.Organiser.PutAsJsonAsync($"/api/v1/lessons/rounds/{s.RoundId}/rubric", FourCriteria),
            (db, _) => ScoreEntry.HandleAsync(db, TimeProvider.System, s.EntryId, new ScoreEntry.Request(Points(18, 38, 16, 15), null), CancellationToken.None)));

        rubric!.StatusCode.ShouldBe(HttpStatusCode.OK, await rubric.Content.ReadAsStringAsync());
        MessageOf(loser).ShouldBe("评分细则刚被修改，请刷新后按新的细则评分");
        (await QueueEntryAsync(s.County, s.EntryId)).GetProperty("scoreCount").GetInt32().ShouldBe(0);
        (await CriteriaAsync(s.Organiser, s.RoundId)).ShouldBe(["教学设计 25", "教学实施 35", "教学效果 20", "技术应用 20"]);
        // 38 fitted the old 40-point criterion, not the new 35-point one: scored afresh, the new rubric applies.
        var again = await s.County.PostAsJsonAsync($"/api/v1/lessons/entries/{s.EntryId}/scores", new { points = Points(18, 38, 16, 15) });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static Dictionary<string, int> Points(int design, int delivery, int effect, int tech) =>
        new() { ["教学设计"] = design, ["教学实施"] = delivery, ["教学效果"] = effect, ["技术应用"] = tech };

    private static Task<HttpResponseMessage> ScoreAsync(HttpClient client, Guid entryId) =>
        client.PostAsJsonAsync($"/api/v1/lessons/entries/{entryId}/scores", new { points = Points(18, 30, 16, 15) });

    private static string MessageOf(ConflictException e) => e.Message;

    private static async Task<JsonElement> MineAsync(Teacher teacher, Guid entryId) =>
        (await teacher.Client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/entries/mine")).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == entryId);

    private static async Task<JsonElement> QueueEntryAsync(HttpClient reviewer, Guid entryId) =>
        (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/lessons/review-queue")).EnumerateArray()
            .Single(e => e.GetProperty("entry").GetProperty("id").GetGuid() == entryId);

    private static async Task<string[]> CriteriaAsync(HttpClient client, Guid roundId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/lessons/rounds/{roundId}")).GetProperty("criteria").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("maxPoints").GetInt32()}").ToArray();

    /// <summary>
    /// Runs <paramref name="loser"/> as <paramref name="user"/> (scope and roles from the real loader) on a Lessons
    /// context whose first transaction waits for <paramref name="winner"/> to finish.
    /// </summary>
    private Task AsAsync(TestUser user, Func<Task> winner, Func<LessonsDbContext, IServiceProvider, Task> loser) =>
        factory.AsPlatformAsync<bool>(async sp =>
        {
            var loaded = (await sp.GetRequiredService<ScopeLoader>().LoadAsync(user.Id, CancellationToken.None))!;
            var actor = new LoadedActor(user.Id, loaded);
            var first = new RunFirst(winner);
            await using LessonsDbContext db = EduCloudFactory.OnPostgres
                ? new PostgresLessonsDbContext(With<PostgresLessonsDbContext>(sp, first), actor, TimeProvider.System)
                : new SqliteLessonsDbContext(With<SqliteLessonsDbContext>(sp, first), actor, TimeProvider.System);
            try
            {
                await loser(db, sp);
            }
            finally
            {
                first.Ran.ShouldBeTrue("the loser never reached its write transaction");
            }
            return true;
        });

    private static DbContextOptions<T> With<T>(IServiceProvider sp, RunFirst first) where T : DbContext =>
        new DbContextOptionsBuilder<T>(sp.GetRequiredService<DbContextOptions<T>>()).AddInterceptors(first).Options;

    /// <summary>Before the context's first transaction begins, runs the competing request to its end.</summary>
    private sealed class RunFirst(Func<Task> winner) : DbTransactionInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!Ran)
            {
                Ran = true;
                await winner();
            }
            return result;
        }
    }

    private sealed class LoadedActor(Guid id, ScopeLoader.Loaded loaded) : ICurrentActor
    {
        public Guid? UserId => id;
        public string? DisplayName => loaded.DisplayName;
        public string? ClientAddress => null;
        public IReadOnlyList<Role> Roles => loaded.Roles;
        public DataScope Scope => loaded.Scope;
    }
}
