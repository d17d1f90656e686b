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
        // Written across lines with spaces; escapes the writer writes back differently or not at all (\/, \u007f, a
        // line separator, controls, quotes, + < > & ` '); numbers as sent (1e+5, -0, 1.50E-3); objects already sorted and not.
        """
        {
          "actor" : { "mbox" : "mailto:tricky@example.cn" , "name" : "tab\there \"q\" a/b \/ back\\slash" },
          "verb" : {"id":"http://x.cn/v?a=1&b=<2>","display":{"en-US":"it's `tick` +plus+ \u007f del \u2028 ls"}},
          "object" : {"id":"https://x.cn/a/5","definition":{"extensions":{"http://x.cn/n":[1e+5,-0,1.50E-3,0.1,true,false,null,{"b":1,"a":{"d":[],"c":{}}}],"http://x.cn/ctl":"\u0001\u001f\b\f\n\r"}}},
          "result" : {"response":"😀 é ü 学","extensions":{"http://x.cn/e":{"Z":1,"z":2,"_":3,"~":4,"é":5,"a b":6}}},
          "context" : {"platform":"with space","language":"zh-CN"}
        }
        """,
        // All ASCII, minified, nothing to escape: the parts copied as sent.
        """{"actor":{"objectType":"Agent","name":"s1","mbox":"mailto:s1@x.cn"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},"object":{"objectType":"Activity","id":"https://x.cn/a/6","definition":{"name":{"en-US":"Lesson 6"},"type":"http://adlnet.gov/expapi/activities/assessment"}},"result":{"score":{"scaled":0.5,"raw":5,"min":0,"max":10},"success":true,"completion":true},"context":{"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7","platform":"bench"},"timestamp":"2026-11-24T01:02:03.456Z"}""",
        // As the bench sends them (JsonNode's writer escapes the Chinese text).
        """{"actor":{"objectType":"Agent","name":"\u5B66\u751F1","mbox":"mailto:learner1@bench.educloud.cn"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},"object":{"objectType":"Activity","id":"https://bench.educloud.cn/activities/7","definition":{"name":{"zh-CN":"\u7B2C7\u8BFE \u7EC3\u4E60"},"type":"http://adlnet.gov/expapi/activities/assessment"}},"timestamp":"2026-11-25T04:30:00.123Z","result":{"score":{"scaled":0.42},"success":false,"completion":true},"context":{"registration":"00000000-4bec-4ddd-8000-000000000001","platform":"EduCloud bench"}}""",
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

    /// <summary>
    /// The submitted hash of each statement above, and the SHA-256 of its stored JSON, with a fixed id, stored time and
    /// authority, as the code before session 15 computed them: hashes already stored must keep matching (or a repeated
    /// POST answers 409), and the stored JSON must keep its bytes.
    /// </summary>
    private static readonly (string Hash, string StoredJsonSha256)[] Known =
    [
        ("14402fe7cb701c9430585bb90b98ed270abd89893f0200462f0ef2bf572005a7", "8b078317a32fb5995b11db8322b08ca4557ef3ff2d5858f477563ce9ee8a1d2b"),
        ("73c5a2be3c4e855e4e377ae2275fbad0a6bcd5c9a4775d31454d58bacc36fbd6", "8d5ea56cbc751c80750db921776d3ab3fd09d78319c0772e2b856aa4becf1a06"),
        ("9129cb1e97754ad9b4f863979f1c2396151f11fccccd61918798250a9e373960", "395fadab6825b9da813b6783280e75a87d84a13d18ed59acf66ef02b811657d0"),
        ("ecd663e7e57f8d223eaa589d4ba3e62a54bf2b96316c5016e1483257f90c5ca1", "a5eae5a8921baaa87bde649774fde614a4bb35e27ecd89a42b4f2ae63ed3fff3"),
        ("cd686e908c1b046eaf64724ae61ba35b47497a0fc53272d6bb1ca26ab6bc491a", "a6995a5f80b2c188b92f1361839543726ac6b3d35f31a07d8b14e3880076a6fe"),
        ("1d0a3fa5f306136c4256665974b671280b90822e35ac5ded231a58b681635a56", "9e92c95a9428e31668a7c2de5b4b6491f099e215d7d854f766f3bda5e41f64c8"),
        ("86cf02ea25c0433adb55560daaa2d740eb80e2fbefe33ca2a0b1a5471cd382f2", "811bed2f7a22a0f811be36a136e6ef2ce344eeb971e4ee78627506b29c02639c"),
    ];

    [Fact]
    public void Hashes_and_stored_json_of_known_statements_do_not_change()
    {
        var authority = new JsonObject { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = "https://www.educloud.cn/xapi/clients", ["name"] = "c-1" } };
        const string id = "0193b1c2-3d4e-7f60-8a9b-0c1d2e3f4a5b";
        Known.Length.ShouldBe(Statements.Length);
        for (var i = 0; i < Statements.Length; i++)
        {
            using var document = JsonDocument.Parse(Statements[i]);
            var scratch = new ElementShape.Scratch();
            ElementShape.SubmittedHash(document.RootElement, id, scratch).ShouldBe(Known[i].Hash, Statements[i]);
            var stored = ElementShape.StoredJsonUtf8(document.RootElement, System.Text.Encoding.UTF8.GetBytes(id), "2026-11-25T04:30:00.123456Z"u8, authority, scratch);
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)).ShouldBe(Known[i].StoredJsonSha256, Statements[i]);
            // The node path (StoreStatements' node tree) gives the same hash.
            var node = JsonObject.Create(document.RootElement.Clone())!;
            node["id"] = id;
            StatementShape.SubmittedHash(node).ShouldBe(Known[i].Hash);
        }
    }

    [Fact]
    public void Stored_time_formatted_by_hand_is_the_format_strings_text()
    {
        var random = new Random(15);
        long[] edges = [0, 1, 999_999, 1_000_000, 951_782_400_000_000 /* 2000-02-29 */, 1_798_761_599_999_999 /* 2026-12-31T23:59:59.999999 */, 253_402_300_799_999_999 /* 9999-12-31 */];
        Span<byte> utf8 = stackalloc byte[27];
        foreach (var micros in edges.Concat(Enumerable.Range(0, 2000).Select(_ => random.NextInt64(0, 4_102_444_800_000_000))))
        {
            Grammar.FormatUtf8(micros, utf8).ShouldBe(27);
            System.Text.Encoding.UTF8.GetString(utf8).ShouldBe(Grammar.Format(Grammar.FromMicros(micros)));
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
