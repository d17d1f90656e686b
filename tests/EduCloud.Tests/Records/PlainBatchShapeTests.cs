using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Features;
using EduCloud.Records.Features.Statements;
using EduCloud.Records.Json;

namespace EduCloud.Tests.Records;

/// <summary>
/// Plain batches are stored from the request elements (StorePlainStatements), the rest from node trees
/// (StoreStatements). Both must give the same row for the same statement: the same submitted hash (hashes already
/// stored must keep matching, or a repeated POST would answer 409), the same stored JSON, links and columns.
/// </summary>
public sealed class PlainBatchShapeTests
{
    internal static readonly string[] Statements =
    [
        """{"actor":{"objectType":"Agent","name":"学生1","mbox":"mailto:s1@example.cn"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered","zh-CN":"回答"}},"object":{"objectType":"Activity","id":"https://x.cn/a/1","definition":{"name":{"zh-CN":"第1课 \"练习\" <b>&amp;"},"type":"http://adlnet.gov/expapi/activities/assessment"}},"result":{"score":{"scaled":0.25,"raw":1.50},"success":true,"completion":true},"timestamp":"2026-11-24T01:02:03.456Z"}""",
        """{"id":"9A6E4C52-6A9B-4E7A-8A3B-2F1C0D4E5F60","version":"1.0.3","stored":"2020-01-01T00:00:00Z","authority":{"mbox":"mailto:fake@example.cn"},"timestamp":"2026-11-24T01:02:03Z","actor":{"mbox_sha1sum":"ABCDEF0123456789ABCDEF0123456789ABCDEF01"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"https://x.cn/a/2"},"context":{"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7","instructor":{"objectType":"Group","member":[{"mbox":"mailto:t1@example.cn"},{"openid":"http://openid.example.cn/t2"}]},"team":{"objectType":"Group","name":"队","account":{"homePage":"https://www.educloud.cn","name":"team-1"}},"contextActivities":{"parent":{"id":"https://x.cn/course/1"},"grouping":[{"id":"https://x.cn/course"},{"id":"https://x.cn/a/2"}]},"platform":"bench","extensions":{"http://x.cn/ext":{"z":1,"a":[3,2,{"y":null,"b":"\u00e9"}]}}}}""",
        """{"actor":{"objectType":"Agent","account":{"homePage":"https://tool.example.cn","name":"u-42"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/commented"},"object":{"objectType":"SubStatement","actor":{"mbox":"mailto:s9@example.cn"},"verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},"object":{"objectType":"Agent","mbox":"mailto:other@example.cn"},"context":{"contextActivities":{"category":[{"id":"https://x.cn/cat"}]}}},"result":{"response":"好的 \ud83d\ude00","extensions":{"http://x.cn/a+b":{"Zed":1,"alpha":2,"b<c":3},"http://x.cn/\u0065xt":{"k":"v","\u0041":1},"http://例子.cn/扩展":{"名":1,"a":2}}}}""",
        """{"actor":{"mbox":"mailto:s2@example.cn"},"verb":{"id":"http://adlnet.gov/expapi/verbs/attempted"},"object":{"objectType":"StatementRef","id":"5d5f1e0a-9b1b-4c1e-9a53-6a5f7c1e2b3d"}}""",
    ];

    [Fact]
    public void Batch_ids_are_version_7_with_the_time_and_distinct()
    {
        var now = DateTimeOffset.Parse("2026-11-24T22:15:00.123Z");
        var ids = StorePlainStatements.NewIds(1000, now);
        ids.Distinct().Count().ShouldBe(1000);
        foreach (var id in ids)
        {
            id.Version.ShouldBe(7);
            (id.Variant & 0xC).ShouldBe(0x8); // RFC 9562 variant 10xx
            var bytes = id.ToByteArray(bigEndian: true);
            var millis = 0L;
            for (var k = 0; k < 6; k++) { millis = (millis << 8) | bytes[k]; }
            millis.ShouldBe(now.ToUnixTimeMilliseconds());
        }
        // The same layout as the runtime's own version-7 ids: the time prefix is what CreateVersion7 writes.
        Guid.CreateVersion7(now).ToString()[..13].ShouldBe(ids[0].ToString()[..13]);
    }

    [Fact]
    public void One_scratch_reused_across_a_batch_gives_what_a_fresh_one_gives()
    {
        var authority = new JsonObject { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = "https://www.educloud.cn/xapi/clients", ["name"] = "c-1" } };
        var writer = new Writer(Guid.NewGuid(), Guid.NewGuid(), new ScopeKey("520000", "520100", "520102", null, null), authority, DataScope.System);
        var shared = new ElementShape.Scratch();
        // Twice round, so each statement also follows a longer and a shorter one through the same buffer and lists.
        foreach (var text in Statements.Concat(Statements.Reverse()))
        {
            var element = JsonDocument.Parse(text).RootElement;
            var id = Guid.CreateVersion7();
            var reused = StorePlainStatements.Prepare(element, id, 1_795_000_000_000_000L, null, writer, shared);
            var fresh = StorePlainStatements.Prepare(element, id, 1_795_000_000_000_000L, null, writer);
            reused.Row.SubmittedHash.ShouldBe(fresh.Row.SubmittedHash);
            reused.Row.Json.ShouldBe(fresh.Row.Json);
            JsonNode.Parse(reused.Row.Json)!["authority"]!.ToJsonString().ShouldBe(authority.ToJsonString());
        }
    }

    [Fact]
    public void Links_are_one_per_kind_and_key_primary_if_any_mention_is_in_order_of_first_mention()
    {
        // Statement 2: object https://x.cn/a/2 (primary) again under grouping; two instructors, a team, two parents.
        var element = JsonDocument.Parse(Statements[1]).RootElement;
        var links = ElementShape.Links(element);
        links.ShouldBe(
        [
            (EduCloud.Records.Domain.LinkKind.Agent, "sha1:abcdef0123456789abcdef0123456789abcdef01", true),
            (EduCloud.Records.Domain.LinkKind.Activity, "https://x.cn/a/2", true),
            (EduCloud.Records.Domain.LinkKind.Agent, "mbox:mailto:t1@example.cn", false),
            (EduCloud.Records.Domain.LinkKind.Agent, "openid:http://openid.example.cn/t2", false),
            (EduCloud.Records.Domain.LinkKind.Agent, "account:https://www.educloud.cn|team-1", false),
            (EduCloud.Records.Domain.LinkKind.Activity, "https://x.cn/course/1", false),
            (EduCloud.Records.Domain.LinkKind.Activity, "https://x.cn/course", false),
        ]);
        // A later primary mention of a key first named as context makes its one link primary.
        var later = StatementShape.OnePerKey([(EduCloud.Records.Domain.LinkKind.Agent, "k", false), (EduCloud.Records.Domain.LinkKind.Activity, "k", false), (EduCloud.Records.Domain.LinkKind.Agent, "k", true)]);
        later.ShouldBe([(EduCloud.Records.Domain.LinkKind.Agent, "k", true), (EduCloud.Records.Domain.LinkKind.Activity, "k", false)]);
    }

    [Fact]
    public void Element_path_gives_the_node_paths_hash_json_links_and_columns()
    {
        var home = "https://www.educloud.cn";
        var authority = new JsonObject { ["objectType"] = "Agent", ["name"] = "工具", ["account"] = new JsonObject { ["homePage"] = home + "/xapi/clients", ["name"] = Guid.NewGuid().ToString() } };
        var writer = new Writer(Guid.NewGuid(), Guid.NewGuid(), new ScopeKey("520000", "520100", "520102", null, null), authority, DataScope.System);
        var stored = 1_795_000_000_000_000L;
        foreach (var text in Statements)
        {
            var element = JsonDocument.Parse(text).RootElement;
            StatementRules.Check(element).ShouldBeEmpty(text);
            StorePlainStatements.Fits(element).ShouldBeTrue();
            var id = element.TryGetProperty("id", out var given) ? Guid.Parse(given.GetString()!) : Guid.CreateVersion7();

            // The ordinary path, as PostStatements + StoreStatements run it.
            var node = JsonObject.Create(element)!;
            node["id"] = id.ToString(); // what AssignId writes for a given id, and the id it assigns otherwise
            var hash = StatementShape.SubmittedHash(node);
            var (row, links) = StoreStatements.Prepare(node, id, stored, hash, null, writer);
            var activities = new Dictionary<string, string>();
            StoreStatements.CollectActivities(node, activities);

            var plain = StorePlainStatements.Prepare(element, id, stored, null, writer);
            plain.Row.SubmittedHash.ShouldBe(row.SubmittedHash);
            plain.Row.Json.ShouldBe(row.Json);
            plain.Links.Select(l => (l.StatementId, l.Kind, l.Key, l.Primary, l.Stored, l.VerbHash)).ShouldBe(links.Select(l => (l.StatementId, l.Kind, l.Key, l.Primary, l.Stored, l.VerbHash)));
            (plain.Row.Id, plain.Row.Stored, plain.Row.VerbId, plain.Row.ActorKey, plain.Row.ActivityId, plain.Row.Registration, plain.Row.TargetId, plain.Row.IsVoiding)
                .ShouldBe((row.Id, row.Stored, row.VerbId, row.ActorKey, row.ActivityId, row.Registration, row.TargetId, row.IsVoiding));
            (plain.Row.WrittenBy, plain.Row.PersonId, plain.Row.CountyCode).ShouldBe((row.WrittenBy, row.PersonId, row.CountyCode));
            plain.ActivityJson.ShouldBe(activities.Values.SingleOrDefault());
            stored++;
        }
    }

    [Fact]
    public void Attachments_and_voiding_take_the_ordinary_path()
    {
        StorePlainStatements.Fits(JsonDocument.Parse("""{"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},"object":{"objectType":"StatementRef","id":"5d5f1e0a-9b1b-4c1e-9a53-6a5f7c1e2b3d"}}""").RootElement).ShouldBeFalse();
        StorePlainStatements.Fits(JsonDocument.Parse("""{"verb":{"id":"http://x.cn/v"},"attachments":[]}""").RootElement).ShouldBeFalse();
        StorePlainStatements.Fits(JsonDocument.Parse("""{"verb":{"id":"http://x.cn/v"},"object":{"objectType":"SubStatement","attachments":[]}}""").RootElement).ShouldBeFalse();
        StorePlainStatements.Fits(JsonDocument.Parse("""{"verb":{"id":"http://x.cn/v"},"object":{"id":"http://x.cn/a"}}""").RootElement).ShouldBeTrue();
    }
}
