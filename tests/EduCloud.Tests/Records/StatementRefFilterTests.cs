using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// Communication 2.1.3, "Filter Conditions for StatementRefs": a statement whose object is a StatementRef meets the
/// agent, verb, activity and registration filters when the statement it targets does, recursively; since, until and
/// paging still apply to the targeting statement itself.
/// </summary>
public sealed class StatementRefFilterTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    private const string Confirmed = "http://example.com/verbs/confirmed";

    [Fact]
    public async Task Statements_targeting_a_matching_statement_match_recursively_and_time_applies_to_the_targeting_one()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var ben = Xapi.UniqueEmail();
        var activity = "http://www.example.com/activities/explosives-" + Guid.NewGuid().ToString("N");
        var c = await lrs.StoreAsync(Xapi.Statement(ben, verb: Passed, activity: activity));
        var b = await lrs.StoreAsync(Targeting(Xapi.UniqueEmail(), Confirmed, c));
        var a = await lrs.StoreAsync(Targeting(Xapi.UniqueEmail(), "http://example.com/verbs/acknowledged", b));
        var unrelated = await lrs.StoreAsync(Targeting(Xapi.UniqueEmail(), Confirmed, await lrs.StoreAsync(Xapi.Statement())));
        string[] chain = [a.ToString(), b.ToString(), c.ToString()];

        (await Ids(lrs, $"verb={Uri.EscapeDataString(Passed)}&agent={Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + ben })}")).ShouldBe(chain);
        (await Ids(lrs, $"activity={Uri.EscapeDataString(activity)}")).ShouldBe(chain);
        (await Ids(lrs, $"agent={Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + ben })}&ascending=true")).ShouldBe(chain.Reverse());
        var confirmed = await Ids(lrs, $"verb={Uri.EscapeDataString(Confirmed)}");
        confirmed.ShouldContain(a.ToString());
        confirmed.ShouldContain(b.ToString());
        confirmed.ShouldContain(unrelated.ToString());
        confirmed.ShouldNotContain(c.ToString());

        // Time filters judge the statement returned: after b was stored only a is left, although it targets c.
        var storedB = (string)(await lrs.GetJsonAsync($"/xapi/statements?statementId={b}"))["stored"]!;
        (await Ids(lrs, $"activity={Uri.EscapeDataString(activity)}&since={Uri.EscapeDataString(storedB)}")).ShouldBe([a.ToString()]);
        (await Ids(lrs, $"activity={Uri.EscapeDataString(activity)}&until={Uri.EscapeDataString(storedB)}")).ShouldBe([b.ToString(), c.ToString()]);

        // Pages of one continue through the chain without repeats or gaps.
        var seen = new List<string>();
        var url = $"/xapi/statements?activity={Uri.EscapeDataString(activity)}&limit=1";
        while (url.Length > 0)
        {
            var page = await lrs.GetJsonAsync(url);
            seen.AddRange(page["statements"]!.AsArray().Select(s => (string)s!["id"]!));
            url = (string)page["more"]!;
        }
        seen.ShouldBe(chain);
    }

    [Fact]
    public async Task A_voiding_statement_is_found_through_the_statement_it_voided_which_itself_stays_hidden()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var activity = "http://www.example.com/activities/voided-" + Guid.NewGuid().ToString("N");
        var target = await lrs.StoreAsync(Xapi.Statement(activity: activity));
        var voiding = await lrs.StoreAsync(Targeting(Xapi.UniqueEmail(), "http://adlnet.gov/expapi/verbs/voided", target));

        (await Ids(lrs, $"activity={Uri.EscapeDataString(activity)}")).ShouldBe([voiding.ToString()]);
    }

    private static JsonObject Targeting(string email, string verb, Guid target)
    {
        var statement = Xapi.Statement(email, verb: verb);
        statement["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() };
        return statement;
    }

    private static async Task<List<string>> Ids(HttpClient lrs, string query) =>
        (await lrs.QueryAsync(query)).Select(s => (string)s["id"]!).ToList();
}
