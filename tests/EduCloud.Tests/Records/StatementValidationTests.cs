using System.Net;
using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// Ported from the ADL LRS conformance suite, Data 2.2 (formatting), 2.4.1-2.4.7 (id, actor, verb, object, result,
/// context, timestamp), 2.4.11 (attachments property) and Data 4.0 (special data types): each malformed statement is
/// refused with 400 and a message naming the field, and nothing is stored; each well-formed variant is accepted.
/// </summary>
public sealed class StatementValidationTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Verb = """{"id":"http://adlnet.gov/expapi/verbs/experienced"}""";
    private const string Actor = """{"mbox":"mailto:a@example.com"}""";
    private const string Act = """{"id":"http://www.example.com/act"}""";

    private static string S(string actor = Actor, string verb = Verb, string obj = Act, string extra = "") =>
        $$"""{"actor":{{actor}},"verb":{{verb}},"object":{{obj}}{{extra}}}""";

    public static TheoryData<string, string, string> Invalid => new()
    {
        // Data 2.2 formatting
        { "2.2 unknown top-level property", S(extra: ""","foo":1"""), "statement.foo" },
        { "2.2 null value", S(extra: ""","result":null"""), "statement.result" },
        { "2.2 property names are case sensitive", S(extra: ""","Result":{}"""), "statement.Result" },
        { "2.2 a non-ASCII property name", S(extra: ""","结果":{}"""), "statement.结果" },
        { "2.4.4 a deep path is named whole", S(obj: """{"id":"http://example.com/a","definition":{"interactionType":"choice","choices":[{"id":"a"},{"id":"b","description":{"zh-CN":1}}]}}"""), "statement.object.definition.choices[1].description.zh-CN" },
        // 2.4.1 id
        { "2.4.1 id not a UUID", S(extra: ""","id":"not-a-uuid" """), "statement.id" },
        // 2.4.2 actor
        { "2.4.2 missing actor", """{"verb":{"id":"http://example.com/v"},"object":{"id":"http://example.com/a"}}""", "statement.actor" },
        { "2.4.2 agent without IFI", S(actor: """{"name":"nobody"}"""), "statement.actor" },
        { "2.4.2 agent with two IFIs", S(actor: """{"mbox":"mailto:a@example.com","openid":"http://openid.example.com/a"}"""), "statement.actor" },
        { "2.4.2 mbox without mailto:", S(actor: """{"mbox":"a@example.com"}"""), "statement.actor.mbox" },
        { "2.4.2 mbox_sha1sum not hex", S(actor: """{"mbox_sha1sum":"xyz"}"""), "statement.actor.mbox_sha1sum" },
        { "2.4.2 openid not a URI", S(actor: """{"openid":"not a uri"}"""), "statement.actor.openid" },
        { "2.4.2 account without homePage", S(actor: """{"account":{"name":"x"}}"""), "statement.actor.account.homePage" },
        { "2.4.2 account homePage not IRL", S(actor: """{"account":{"homePage":"nope","name":"x"}}"""), "statement.actor.account.homePage" },
        { "2.4.2 anonymous group without members", S(actor: """{"objectType":"Group","name":"g"}"""), "statement.actor.member" },
        { "2.4.2 group member is a group", S(actor: """{"objectType":"Group","member":[{"objectType":"Group","mbox":"mailto:g@example.com"}]}"""), "statement.actor.member[0]" },
        { "2.4.2 actor objectType wrong", S(actor: """{"objectType":"Person","mbox":"mailto:a@example.com"}"""), "statement.actor.objectType" },
        // 2.4.3 verb
        { "2.4.3 verb without id", S(verb: """{"display":{"en-US":"x"}}"""), "statement.verb.id" },
        { "2.4.3 verb id not IRI", S(verb: """{"id":"experienced"}"""), "statement.verb.id" },
        { "2.4.3 verb display bad language tag", S(verb: """{"id":"http://example.com/v","display":{"not a tag":"x"}}"""), "statement.verb.display" },
        { "2.4.3 verb display not a map", S(verb: """{"id":"http://example.com/v","display":"x"}"""), "statement.verb.display" },
        // 2.4.4 object
        { "2.4.4 activity without id", S(obj: """{"objectType":"Activity"}"""), "statement.object.id" },
        { "2.4.4 activity id not IRI", S(obj: """{"id":"act 1"}"""), "statement.object.id" },
        { "2.4.4 unknown objectType", S(obj: """{"objectType":"Thing","id":"http://example.com/a"}"""), "statement.object.objectType" },
        { "2.4.4 definition name not a language map", S(obj: """{"id":"http://example.com/a","definition":{"name":"x"}}"""), "statement.object.definition.name" },
        { "2.4.4 definition type not IRI", S(obj: """{"id":"http://example.com/a","definition":{"type":"quiz"}}"""), "statement.object.definition.type" },
        { "2.4.4 interactionType unknown", S(obj: """{"id":"http://example.com/a","definition":{"interactionType":"essay"}}"""), "statement.object.definition.interactionType" },
        { "2.4.4 choices on a true-false interaction", S(obj: """{"id":"http://example.com/a","definition":{"interactionType":"true-false","choices":[{"id":"a"}]}}"""), "statement.object.definition.choices" },
        { "2.4.4 duplicate component ids", S(obj: """{"id":"http://example.com/a","definition":{"interactionType":"choice","choices":[{"id":"a"},{"id":"a"}]}}"""), "statement.object.definition.choices[1].id" },
        { "2.4.4 extension key not IRI", S(obj: """{"id":"http://example.com/a","definition":{"extensions":{"key":1}}}"""), "statement.object.definition.extensions.key" },
        { "2.4.4 StatementRef id not UUID", S(obj: """{"objectType":"StatementRef","id":"x"}"""), "statement.object.id" },
        { "2.4.4 SubStatement with id", S(obj: $$"""{"objectType":"SubStatement","id":"{{Guid.NewGuid()}}","actor":{{Actor}},"verb":{{Verb}},"object":{{Act}}}"""), "statement.object.id" },
        { "2.4.4 nested SubStatement", S(obj: """{"objectType":"SubStatement","actor":""" + Actor + ""","verb":""" + Verb + ""","object":{"objectType":"SubStatement","actor":""" + Actor + ""","verb":""" + Verb + ""","object":""" + Act + "}}"), "statement.object.object" },
        // 2.4.5 result
        { "2.4.5 scaled above 1", S(extra: ""","result":{"score":{"scaled":1.5}}"""), "statement.result.score.scaled" },
        { "2.4.5 raw above max", S(extra: ""","result":{"score":{"raw":11,"min":0,"max":10}}"""), "statement.result.score.raw" },
        { "2.4.5 min not below max", S(extra: ""","result":{"score":{"min":5,"max":5}}"""), "statement.result.score.min" },
        { "2.4.5 success not boolean", S(extra: ""","result":{"success":"yes"}"""), "statement.result.success" },
        { "2.4.5 duration not ISO 8601", S(extra: ""","result":{"duration":"90 seconds"}"""), "statement.result.duration" },
        // 2.4.6 context
        { "2.4.6 registration not UUID", S(extra: ""","context":{"registration":"abc"}"""), "statement.context.registration" },
        { "2.4.6 revision when object is an agent", S(obj: """{"objectType":"Agent","mbox":"mailto:b@example.com"}""", extra: ""","context":{"revision":"1"}"""), "statement.context.revision" },
        { "2.4.6 platform when object is a StatementRef", S(obj: $$"""{"objectType":"StatementRef","id":"{{Guid.NewGuid()}}"}""", extra: ""","context":{"platform":"x"}"""), "statement.context.platform" },
        { "2.4.6 team is an agent", S(extra: ""","context":{"team":{"mbox":"mailto:t@example.com"}}"""), "statement.context.team" },
        { "2.4.6 unknown contextActivities key", S(extra: ""","context":{"contextActivities":{"sibling":[{"id":"http://example.com/p"}]}}"""), "statement.context.contextActivities.sibling" },
        { "2.4.6 language bad tag", S(extra: ""","context":{"language":"english language"}"""), "statement.context.language" },
        { "2.4.6 statement not a StatementRef", S(extra: ""","context":{"statement":{"id":"http://example.com/a"}}"""), "statement.context.statement" },
        // 2.4.7 timestamp
        { "2.4.7 timestamp not ISO 8601", S(extra: ""","timestamp":"yesterday" """), "statement.timestamp" },
        { "2.4.7 timestamp with -00:00 offset", S(extra: ""","timestamp":"2026-01-01T12:00:00-00:00" """), "statement.timestamp" },
        // 2.4.10 version
        { "2.4.10 version 0.95", S(extra: ""","version":"0.95" """), "statement.version" },
        { "2.4.10 version 1.1.0", S(extra: ""","version":"1.1.0" """), "statement.version" },
        // 2.4.11 attachments
        { "2.4.11 attachment without usageType", S(extra: ""","attachments":[{"display":{"en-US":"a"},"contentType":"text/plain","length":1,"sha2":"ab","fileUrl":"http://example.com/a"}]"""), "statement.attachments[0].usageType" },
        { "2.4.11 attachment length negative", S(extra: ""","attachments":[{"usageType":"http://example.com/u","display":{"en-US":"a"},"contentType":"text/plain","length":-1,"sha2":"ab","fileUrl":"http://example.com/a"}]"""), "statement.attachments[0].length" },
        // 2.4.9 authority
        { "2.4.9 group authority of three", S(extra: ""","authority":{"objectType":"Group","member":[{"mbox":"mailto:1@example.com"},{"mbox":"mailto:2@example.com"},{"mbox":"mailto:3@example.com"}]}"""), "statement.authority.member" },
    };

    public static TheoryData<string, string> Valid => new()
    {
        { "minimal", S() },
        { "agent by account", S(actor: """{"account":{"homePage":"http://www.example.com","name":"learner1"}}""") },
        { "agent by mbox_sha1sum", S(actor: """{"mbox_sha1sum":"ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}""") },
        { "identified group with members", S(actor: """{"objectType":"Group","mbox":"mailto:g@example.com","member":[{"mbox":"mailto:m@example.com"}]}""") },
        { "anonymous group", S(actor: """{"objectType":"Group","member":[{"mbox":"mailto:m@example.com"},{"openid":"http://openid.example.com/m"}]}""") },
        { "object agent", S(obj: """{"objectType":"Agent","mbox":"mailto:b@example.com"}""") },
        { "substatement", S(obj: """{"objectType":"SubStatement","actor":""" + Actor + ""","verb":""" + Verb + ""","object":""" + Act + ""","context":{"platform":"x"}}""") },
        { "choice interaction", S(obj: """{"id":"http://example.com/q1","definition":{"interactionType":"choice","correctResponsesPattern":["a"],"choices":[{"id":"a","description":{"zh-CN":"甲"}},{"id":"b"}]}}""") },
        { "full result", S(extra: ""","result":{"score":{"scaled":-0.5,"raw":5,"min":0,"max":10},"success":true,"completion":false,"response":"x","duration":"PT1M30.5S","extensions":{"http://example.com/e":null}}""") },
        { "full context", S(extra: ",\"context\":{\"registration\":\"" + Guid.NewGuid() + "\",\"instructor\":" + Actor + ",\"team\":{\"objectType\":\"Group\",\"member\":[" + Actor + "]},\"contextActivities\":{\"parent\":{\"id\":\"http://example.com/p\"},\"grouping\":[{\"id\":\"http://example.com/g\"}]},\"revision\":\"r1\",\"platform\":\"web\",\"language\":\"zh-CN\",\"statement\":{\"objectType\":\"StatementRef\",\"id\":\"" + Guid.NewGuid() + "\"}}") },
        { "timestamp with offset", S(extra: ""","timestamp":"2026-01-01T12:00:00.123+08:00" """) },
        { "version 1.0.3", S(extra: ""","version":"1.0.3" """) },
        { "non-ASCII IRIs", S(obj: """{"id":"http://例子.cn/活动/1","definition":{"type":"http://例子.cn/类型","extensions":{"http://例子.cn/扩展":1}}}""") },
        { "attachment by fileUrl", S(extra: ""","attachments":[{"usageType":"http://example.com/u","display":{"en-US":"a"},"contentType":"text/plain","length":1,"sha2":"ab","fileUrl":"http://example.com/a"}]""") },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Malformed_statement_is_400_naming_the_field_and_is_not_stored(string rule, string json, string field)
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var id = Guid.NewGuid();
        var body = JsonNode.Parse(json)!.AsObject();
        if (!body.ContainsKey("id")) { body["id"] = id.ToString(); }
        using var response = await lrs.PostAsync("/xapi/statements", Xapi.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, rule + ": " + text);
        text.ShouldContain(field, customMessage: rule);
        await lrs.GetAsync($"/xapi/statements?statementId={id}").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task Well_formed_statement_is_stored(string rule, string json)
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        using var response = await lrs.PostAsync("/xapi/statements", Xapi.Json(JsonNode.Parse(json)!));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, rule + ": " + await response.Content.ReadAsStringAsync());
    }
}
