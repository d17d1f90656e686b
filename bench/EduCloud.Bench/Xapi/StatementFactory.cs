using System.Text.Json.Nodes;

namespace EduCloud.Bench.Xapi;

/// <summary>
/// Deterministic, realistic statements: 50,000 learners (mbox), 8 verbs, 20,000 activities with definitions,
/// a score on half of them and a registration on a quarter. Statement i is always the same statement.
/// </summary>
internal static class StatementFactory
{
    public const int Learners = 50_000;
    public const int Activities = 20_000;

    public static readonly string[] Verbs =
    [
        "http://adlnet.gov/expapi/verbs/experienced", "http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/completed",
        "http://adlnet.gov/expapi/verbs/attempted", "http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/failed",
        "http://adlnet.gov/expapi/verbs/commented", "http://adlnet.gov/expapi/verbs/progressed",
    ];

    public static string Learner(long i) => $"mailto:learner{i % Learners}@bench.educloud.cn";

    public static string Activity(long i) => $"https://bench.educloud.cn/activities/{i * 7 % Activities}";

    public static string Verb(long i) => Verbs[i * 3 % Verbs.Length];

    /// <summary>Statement i without an id (the LRS assigns one), or with <paramref name="id"/>.</summary>
    public static JsonObject Build(long i, Guid? id = null, DateTimeOffset? timestamp = null)
    {
        var verb = Verb(i);
        var s = new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = $"学生{i % Learners}", ["mbox"] = Learner(i) },
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = verb[(verb.LastIndexOf('/') + 1)..] } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = Activity(i),
                ["definition"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["zh-CN"] = $"第{i * 7 % Activities}课 练习" },
                    ["type"] = "http://adlnet.gov/expapi/activities/assessment",
                },
            },
            ["timestamp"] = (timestamp ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (i % 2 == 0)
        {
            s["result"] = new JsonObject { ["score"] = new JsonObject { ["scaled"] = i % 100 / 100.0 }, ["success"] = i % 3 != 0, ["completion"] = true };
        }
        if (i % 4 == 0)
        {
            s["context"] = new JsonObject { ["registration"] = RegistrationOf(i).ToString(), ["platform"] = "EduCloud bench" };
        }
        if (id is { } given)
        {
            s["id"] = given.ToString();
        }
        return s;
    }

    public static Guid RegistrationOf(long i) => new((int)(i / 40_000 % int.MaxValue), 0x4bec, 0x4ddd, 0x80, 0, 0, 0, 0, 0, 0, 1);
}
