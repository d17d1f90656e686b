using System.Text.Json.Nodes;
using System.Xml;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Contracts;
using EduCloud.Records.Data;
using EduCloud.Records.Json;

namespace EduCloud.Records.Features.Statements;

/// <summary>Implements <see cref="ILearningRecords"/>: builds the statement and stores it like any other, with the platform as authority.</summary>
internal sealed class RecordLearningAct(RecordsDbContext db, IAccountPlacement placement, RecordsOptions options, ICurrentActor actor, TimeProvider clock) : ILearningRecords
{
    public async Task<Guid> RecordAsync(LearningAct act, CancellationToken ct)
    {
        var home = options.HomePage.TrimEnd('/');
        var learner = await placement.FindAsync(act.AccountId, ct) ?? throw new LearningRecordRejectedException("actor: no such account");
        var statement = new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = home, ["name"] = act.AccountId.ToString() } },
            ["verb"] = new JsonObject { ["id"] = act.VerbId, ["display"] = new JsonObject { ["zh-CN"] = act.VerbDisplay } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = act.ActivityId,
            },
        };
        if (act.StatementId is { } id) { statement["id"] = id.ToString(); }
        if (act.ActivityName is { } name) { statement["object"]!["definition"] = new JsonObject { ["name"] = new JsonObject { ["zh-CN"] = name } }; }
        if (act.Registration is { } reg) { statement["context"] = new JsonObject { ["registration"] = reg.ToString() }; }
        if (act.Timestamp is { } at) { statement["timestamp"] = Grammar.Format(at); }
        if (act.Result is { } r) { statement["result"] = Result(r); }
        // The platform writes on the learner's behalf: the row sits at the learner's place, whoever triggered it.
        var writer = new Writer(Guid.Empty, actor.UserId ?? act.AccountId, learner.Place,
            new JsonObject { ["objectType"] = "Agent", ["name"] = "EduCloud", ["account"] = new JsonObject { ["homePage"] = home, ["name"] = XapiHttp.PlatformAccount } }, DataScope.System);
        var outcome = await StoreStatements.HandleAsync(db, placement, home, writer, [statement], new Dictionary<string, StoreStatements.Part>(), clock, ct);
        return outcome.Error is null ? outcome.Ids[0] : throw new LearningRecordRejectedException(outcome.Error);
    }

    private static JsonObject Result(LearningResult r)
    {
        var result = new JsonObject();
        if (r.Scaled is not null || r.Raw is not null || r.Min is not null || r.Max is not null)
        {
            var score = new JsonObject();
            if (r.Scaled is { } scaled) { score["scaled"] = scaled; }
            if (r.Raw is { } raw) { score["raw"] = raw; }
            if (r.Min is { } min) { score["min"] = min; }
            if (r.Max is { } max) { score["max"] = max; }
            result["score"] = score;
        }
        if (r.Success is { } success) { result["success"] = success; }
        if (r.Completion is { } completion) { result["completion"] = completion; }
        if (r.Response is { } response) { result["response"] = response; }
        if (r.Duration is { } duration) { result["duration"] = XmlConvert.ToString(duration); }
        return result;
    }
}
