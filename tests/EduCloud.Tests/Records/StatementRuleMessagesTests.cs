using System.Text.Json;
using EduCloud.Records.Json;

namespace EduCloud.Tests.Records;

/// <summary>
/// Every message the rule checks give for statements with many faults at once, in order and word for word, as they
/// were before the checks read each object's properties in one pass (session 15): the paths, the texts and their
/// order are what a client sees in the 400 answer (the first five). Escaped and non-ASCII names, objectType absent,
/// null or not first, each kind of object with names not allowed, nulls, wrong types and missing required values.
/// </summary>
public sealed class StatementRuleMessagesTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        {
            """{"foo":1,"actor":null,"verb":{"id":"x"},"Bar":2}""",
            [
                "statement.foo: is not a property the specification allows here",
                "statement.actor: must not be null",
                "statement.Bar: is not a property the specification allows here",
            ]
        },
        {
            """{}""",
            [
                "statement.actor: is required",
                "statement.verb: is required",
                "statement.object: is required",
            ]
        },
        {
            """{"actor":"a","verb":[],"object":1,"result":true,"context":"c","attachments":{}}""",
            [
                "statement.actor: must be an Agent or Group object",
                "statement.verb: must be an object",
                "statement.object: must be an object",
                "statement.result: must be an object",
                "statement.context: must be an object",
                "statement.attachments: must be an array",
            ]
        },
        {
            """{"id":"9A6E4C52-6A9B-4E7A-8A3B-2F1C0D4E5F60","actor":{"objectType":"Agent","mbox":"x@y","openid":"no iri","name":3},"verb":{"id":"v","display":{"not a tag":"x","en":1}},"object":{"id":"a b","objectType":"Activity","definition":{"name":"x","description":{"en":2},"type":"t","moreInfo":"m","extensions":{"k":1,"http://x/e":2},"interactionType":"essay","correctResponsesPattern":[1],"choices":{},"steps":[{"id":"s"},{"id":"s"},{"foo":1},{"description":{"en":"x"}}]}},"result":{"score":{"scaled":2,"raw":"1","min":5,"max":1},"success":"y","completion":1,"response":2,"duration":"P","extensions":[]},"context":{"registration":"r","instructor":{"mbox":"mailto:a@b.c","mbox_sha1sum":"zz"},"team":{"mbox":"mailto:t@b.c"},"contextActivities":{"parent":{"id":"p p"},"sibling":[],"other":[{"id":"http://o/1"},{"foo":1,"id":2}]},"revision":1,"platform":"p","language":"english language","statement":{"objectType":"StatementRef","id":"x"},"extensions":{"bad":1}},"timestamp":"2026-01-01T00:00:00-00:00","stored":"nope","authority":{"objectType":"Group","member":[{"mbox":"mailto:1@x.y"}]},"version":"2.0","attachments":[{"usageType":"u","display":"d","description":{"x y":"z"},"contentType":1,"length":-1,"sha2":2,"fileUrl":"f f"},{},"x"]}""",
            [
                "statement.actor.mbox: must be a mailto: IRI",
                "statement.actor.openid: must be an absolute IRI",
                "statement.actor.name: must be a string",
                "statement.actor: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account",
                "statement.verb.id: must be an absolute IRI",
                "statement.verb.display.not a tag: is not an RFC 5646 language tag",
                "statement.verb.display.en: must be a string",
                "statement.object.id: must be an absolute IRI",
                "statement.object.definition.name: must be a language map",
                "statement.object.definition.description.en: must be a string",
                "statement.object.definition.type: must be an absolute IRI",
                "statement.object.definition.moreInfo: must be an absolute IRI",
                "statement.object.definition.extensions.k: extension keys must be IRIs",
                "statement.object.definition.interactionType: must be one of true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric, other",
                "statement.object.definition.correctResponsesPattern: must be an array of strings",
                "statement.object.definition.choices: must be an array of interaction components",
                "statement.object.definition.steps[1].id: must be unique within the list",
                "statement.object.definition.steps[2].foo: is not a property the specification allows here",
                "statement.object.definition.steps[3].id: is required",
                "statement.result.score.raw: must be a number",
                "statement.result.score.scaled: must be between -1 and 1",
                "statement.result.score.min: must be less than max",
                "statement.result.success: must be true or false",
                "statement.result.completion: must be true or false",
                "statement.result.response: must be a string",
                "statement.result.duration: must be an ISO 8601 duration",
                "statement.result.extensions: must be an object",
                "statement.context.registration: must be a UUID",
                "statement.context.instructor.mbox_sha1sum: must be the hex SHA-1 of a mailto: IRI",
                "statement.context.instructor: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account",
                "statement.context.team: must be a Group",
                "statement.context.contextActivities.parent.id: must be an absolute IRI",
                "statement.context.contextActivities.sibling: must be parent, grouping, category or other",
                "statement.context.contextActivities.other[1].foo: is not a property the specification allows here",
                "statement.context.revision: must be a string",
                "statement.context.language: must be an RFC 5646 language tag",
                "statement.context.statement.id: must be a UUID",
                "statement.context.extensions.bad: extension keys must be IRIs",
                "statement.timestamp: must be an ISO 8601 timestamp (not -00:00)",
                "statement.stored: must be an ISO 8601 timestamp (not -00:00)",
                "statement.authority.member: a Group authority must have exactly two members",
                "statement.version: must be a 1.0.x version string",
                "statement.attachments[0].usageType: must be an absolute IRI",
                "statement.attachments[0].display: must be a language map",
                "statement.attachments[0].description.x y: is not an RFC 5646 language tag",
                "statement.attachments[0].contentType: must be a string",
                "statement.attachments[0].length: must be a non-negative integer",
                "statement.attachments[0].sha2: must be a string",
                "statement.attachments[0].fileUrl: must be an absolute IRI",
                "statement.attachments[1].usageType: is required",
                "statement.attachments[1].display: is required",
                "statement.attachments[1].contentType: is required",
                "statement.attachments[1].length: is required",
                "statement.attachments[1].sha2: is required",
                "statement.attachments[2]: must be an object",
            ]
        },
        {
            """{"id":"nope","actor":{"mbox":"x"},"verb":{"id":"v"},"object":{"id":"a"}}""",
            [
                "statement.id: must be a UUID",
            ]
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"objectType":"Agent","mbox":"mailto:b@c.d","member":[]},"context":{"revision":"1","platform":2}}""",
            [
                "statement.object.member: is not a property the specification allows here",
                "statement.context.revision: is allowed only when the object is an Activity",
                "statement.context.platform: must be a string",
            ]
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"objectType":"StatementRef","id":"5d5f1e0a-9b1b-4c1e-9a53-6a5f7c1e2b3d"},"context":{"revision":"1","platform":"p","statement":{"id":"x"},"contextActivities":[]}}""",
            [
                "statement.context.contextActivities: must be an object",
                "statement.context.revision: is allowed only when the object is an Activity",
                "statement.context.platform: is allowed only when the object is an Activity",
                "statement.context.statement: must be a StatementRef",
            ]
        },
        {
            """{"actor":{"objectType":"Group","mbox":"mailto:g@x.y","openid":"http://o/g","member":{}},"verb":{"id":"http://v/x"},"object":{"objectType":"Group","member":[{"objectType":"Group"},{"name":"n"},"m",{"mbox":"mailto:m@x.y","member":[]}]}}""",
            [
                "statement.actor: an identified Group must have only one of mbox, mbox_sha1sum, openid, account",
                "statement.actor.member: must be an array of Agents",
                "statement.object.member[0]: a Group's members must be Agents, not Groups",
                "statement.object.member[1]: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account",
                "statement.object.member[2]: must be an object",
                "statement.object.member[3].member: is not a property the specification allows here",
            ]
        },
        {
            """{"actor":{"name":"x","objectType":"Group"},"verb":{"id":"http://v/x"},"object":{"objectType":"Group","mbox_sha1sum":"ABCDEF0123456789ABCDEF0123456789ABCDEF01","name":"g"}}""",
            [
                "statement.actor.member: an anonymous Group must list its members",
            ]
        },
        {
            """{"actor":{"account":{"homePage":"h","name":1,"x":2}},"verb":{"id":"http://v/x"},"object":{"objectType":"SubStatement","id":"9A6E4C52-6A9B-4E7A-8A3B-2F1C0D4E5F60","stored":"x","actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"objectType":"SubStatement"}}}""",
            [
                "statement.actor.account.x: is not a property the specification allows here",
                "statement.object.id: is not a property the specification allows here",
                "statement.object.stored: is not a property the specification allows here",
            ]
        },
        {
            """{"actor":{"account":{"homePage":"h","name":1}},"verb":{"id":"http://v/x"},"object":{"objectType":"SubStatement","actor":{"objectType":"Person"},"verb":{},"object":{"objectType":"SubStatement"},"context":{"platform":"p"},"timestamp":"t","attachments":[{"usageType":"http://u/x","display":{"en":"d"},"contentType":"text/plain","length":1.5,"sha2":"ab"}]}}""",
            [
                "statement.actor.account.homePage: must be an absolute IRI",
                "statement.actor.account.name: must be a string",
                "statement.object.actor.objectType: must be Agent or Group",
                "statement.object.verb.id: is required",
                "statement.object.object: a SubStatement must not contain a SubStatement",
                "statement.object.context.platform: is allowed only when the object is an Activity",
                "statement.object.timestamp: must be an ISO 8601 timestamp (not -00:00)",
                "statement.object.attachments[0].length: must be a non-negative integer",
            ]
        },
        {
            """{"actor":{"account":{"name":"n"}},"verb":{"id":"http://v/x"},"object":{"objectType":"SubStatement","actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"objectType":"StatementRef","id":"x","definition":{}}}}""",
            [
                "statement.actor.account.homePage: is required",
                "statement.object.object.definition: is not a property the specification allows here",
            ]
        },
        {
            """{"\u0061ctor":{"mbox":"mailto:a@b.c"},"verb":{"\u0069d":"http://v/x"},"object":{"id":"http://x/a","objectType":"Activity"},"context":{"contextActivities":{"p\u0061rent":{"id":"http://x/p"}}}}""",
            []
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"id":"http://x/a"},"context":{"contextActivities":{"sibl\u0069ng":{"id":"http://x/p"},"grouping":[{"id":"http://x/g"},{"objectType":"Agent","id":"http://x/h"}]}},"f\u00f6o":1,"结果":{}}""",
            [
                "statement.föo: is not a property the specification allows here",
                "statement.结果: is not a property the specification allows here",
            ]
        },
        {
            """{"actor":{"objectType":null,"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"objectType":null,"id":"http://x/a"}}""",
            [
                "statement.actor.objectType: must be Agent or Group",
                "statement.object.objectType: must be Activity, Agent, Group, SubStatement or StatementRef",
            ]
        },
        {
            """{"actor":{"objectType":"Agent","mbox":"mailto:a@b.c","openid":"http://o/a","account":{"homePage":"http://h/x","name":"n"}},"verb":{"id":"http://v/x","display":{"en-US":"x"},"extra":1},"object":{"objectType":"Thing"}}""",
            [
                "statement.actor: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account",
                "statement.verb.extra: is not a property the specification allows here",
                "statement.object.objectType: must be Activity, Agent, Group, SubStatement or StatementRef",
            ]
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"id":"http://x/a","definition":{"interactionType":"choice","correctResponsesPattern":"a","choices":[{"id":"a","description":"d"},{"id":1},{"id":"a"}],"scale":[{"id":"s"}],"source":{},"target":[],"steps":[]}},"result":{"score":{"min":1,"max":1,"raw":0}},"context":{"team":{"objectType":"Group","member":[{"objectType":"Agent"}]},"instructor":"i"}}""",
            [
                "statement.object.definition.correctResponsesPattern: must be an array of strings",
                "statement.object.definition.choices[0].description: must be a language map",
                "statement.object.definition.choices[1].id: must be a string",
                "statement.object.definition.choices[2].id: must be unique within the list",
                "statement.object.definition.scale: is not allowed for this interactionType",
                "statement.object.definition.source: is not allowed for this interactionType",
                "statement.object.definition.target: is not allowed for this interactionType",
                "statement.object.definition.steps: is not allowed for this interactionType",
                "statement.result.score.min: must be less than max",
                "statement.result.score.raw: must be between min and max",
                "statement.context.instructor: must be an Agent or Group object",
                "statement.context.team.member[0]: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account",
            ]
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"id":"http://x/a","definition":{"correctResponsesPattern":["a"],"choices":[{"id":"a"}]}}}""",
            [
                "statement.object.definition.interactionType: is required with correctResponsesPattern",
                "statement.object.definition.choices: is not allowed for this interactionType",
            ]
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"id":"http://x/a","definition":{"interactionType":1,"choices":[{"id":"a"}],"scale":"s"}}}""",
            [
                "statement.object.definition.interactionType: must be one of true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric, other",
                "statement.object.definition.scale: must be an array of interaction components",
            ]
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"id":"http://x/a"},"authority":{"objectType":"Group","member":[{"mbox":"mailto:1@x.y"},{"mbox":"mailto:2@x.y"},{"mbox":"mailto:3@x.y"}]},"version":1}""",
            [
                "statement.authority.member: a Group authority must have exactly two members",
                "statement.version: must be a 1.0.x version string",
            ]
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"id":"http://x/a"},"authority":"a","timestamp":3,"version":"1.0.x","result":{"duration":3,"score":"s"},"context":{"language":2,"registration":5,"statement":{"objectType":"StatementRef"}}}""",
            [
                "statement.result.score: must be an object",
                "statement.result.duration: must be an ISO 8601 duration",
                "statement.context.registration: must be a UUID",
                "statement.context.language: must be an RFC 5646 language tag",
                "statement.context.statement.id: is required",
                "statement.timestamp: must be an ISO 8601 timestamp (not -00:00)",
                "statement.authority: must be an Agent or Group object",
                "statement.version: must be a 1.0.x version string",
            ]
        },
        {
            """{"actor":{"mbox":"mailto:a@b.c"},"verb":{"id":"http://v/x"},"object":{"id":"http://x/a","objectType":"Activity","definition":{"name":{"en-US":"a","zh-CN":"甲"},"type":"http://t/x"}},"result":{"score":{"scaled":0.5},"success":true,"completion":false,"response":"r","duration":"PT1S","extensions":{"http://e/x":{"a":[1,null]}}},"context":{"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7","platform":"p","revision":"r","language":"zh-CN","extensions":{"http://e/y":null}},"timestamp":"2026-11-24T01:02:03.456Z","version":"1.0.3","stored":"2026-11-24T01:02:03Z","authority":{"objectType":"Group","member":[{"mbox":"mailto:1@x.y"},{"account":{"homePage":"http://h/x","name":"n"}}]}}""",
            []
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_fault_is_named_in_order(string json, string[] expected)
    {
        using var document = JsonDocument.Parse(json);
        StatementRules.Check(document.RootElement).ShouldBe(expected);
    }
}
