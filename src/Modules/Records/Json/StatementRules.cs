using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace EduCloud.Records.Json;

/// <summary>
/// The xAPI 1.0.3 MUST rules for one statement (Data 2.2-2.4). Each failure names the property path, so a client
/// learns what to fix. Agent, activity and small-format rules live in <see cref="AgentRules"/>,
/// <see cref="ActivityRules"/> and <see cref="Grammar"/>.
/// </summary>
internal sealed class StatementRules
{
    private static readonly string[] RevisionAndPlatform = ["revision", "platform"];

    public List<string> Errors { get; } = [];

    public bool Fail(RulePath path, string message)
    {
        Errors.Add($"{path}: {message}");
        return false;
    }

    public static List<string> Check(JsonElement statement)
    {
        var rules = new StatementRules();
        rules.Statement(statement, "statement", sub: false);
        return rules.Errors;
    }

    /// <summary>Whether the property of a slot was given (what TryGetProperty answered: names are unique, Data 2.2).</summary>
    public static bool Given(JsonElement value) => value.ValueKind != JsonValueKind.Undefined;

    private void Statement(JsonElement s, RulePath path, bool sub)
    {
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (!(sub ? Properties<SubStatementNames>(s, path, v) : Properties<StatementNames>(s, path, v)))
        {
            return;
        }
        if (!sub && Given(v[StatementNames.Id]) && !Uuid(v[StatementNames.Id], path + ".id"))
        {
            return;
        }
        if (Required(v[StatementNames.Actor], "actor", path)) { AgentRules.ActorOrGroup(this, v[StatementNames.Actor], path + ".actor"); }
        if (Required(v[StatementNames.Verb], "verb", path)) { Verb(v[StatementNames.Verb], path + ".verb"); }
        var objectIsActivity = true;
        if (Required(v[StatementNames.Object], "object", path)) { objectIsActivity = Object(v[StatementNames.Object], path + ".object", sub); }
        if (Given(v[StatementNames.Result])) { Result(v[StatementNames.Result], path + ".result"); }
        if (Given(v[StatementNames.Context])) { Context(v[StatementNames.Context], path + ".context", objectIsActivity); }
        if (Given(v[StatementNames.Timestamp])) { Timestamp(v[StatementNames.Timestamp], path + ".timestamp"); }
        if (Given(v[StatementNames.Stored])) { Timestamp(v[StatementNames.Stored], path + ".stored"); }
        if (Given(v[StatementNames.Authority])) { AgentRules.Authority(this, v[StatementNames.Authority], path + ".authority"); }
        var version = v[StatementNames.Version];
        if (Given(version) && (version.ValueKind != JsonValueKind.String || !VersionOk(version.GetString()!)))
        {
            Fail(path + ".version", "must be a 1.0.x version string");
        }
        if (Given(v[StatementNames.Attachments])) { Attachments(v[StatementNames.Attachments], path + ".attachments"); }
    }

    public static bool VersionOk(string version) => version == "1.0" || (version.StartsWith("1.0.", StringComparison.Ordinal) && version.Length > 4 && version[4..].All(char.IsAsciiDigit));

    private void Verb(JsonElement verb, RulePath path)
    {
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (!Properties<VerbNames>(verb, path, v))
        {
            return;
        }
        if (Required(v[VerbNames.Id], "id", path)) { Iri(v[VerbNames.Id], path + ".id"); }
        if (Given(v[VerbNames.Display])) { LanguageMap(v[VerbNames.Display], path + ".display"); }
    }

    /// <summary>Checks the object; answers whether it is an Activity (context revision/platform apply only then).</summary>
    private bool Object(JsonElement obj, RulePath path, bool sub)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return Fail(path, "must be an object");
        }
        var type = TryGetObjectType(obj, out var t) ? TypeOf(t) : "Activity";
        switch (type)
        {
            case "Activity":
                ActivityRules.Activity(this, obj, path);
                return true;
            case "Agent" or "Group":
                AgentRules.ActorOrGroup(this, obj, path);
                return false;
            case "StatementRef":
                StatementRef(obj, path);
                return false;
            case "SubStatement":
                if (sub)
                {
                    Fail(path, "a SubStatement must not contain a SubStatement");
                }
                else
                {
                    Statement(obj, path, sub: true);
                }
                return false;
            default:
                return Fail(path + ".objectType", "must be Activity, Agent, Group, SubStatement or StatementRef");
        }
    }

    private void StatementRef(JsonElement obj, RulePath path)
    {
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (Properties<RefNames>(obj, path, v) && Required(v[RefNames.Id], "id", path))
        {
            Uuid(v[RefNames.Id], path + ".id");
        }
    }

    private void Result(JsonElement result, RulePath path)
    {
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (!Properties<ResultNames>(result, path, v))
        {
            return;
        }
        var score = v[ResultNames.Score];
        var scoreValues = new PropertyValues();
        Span<JsonElement> sv = scoreValues;
        if (Given(score) && Properties<ScoreNames>(score, path + ".score", sv))
        {
            double? Number(JsonElement value, string name)
            {
                if (!Given(value)) { return null; }
                if (value.ValueKind != JsonValueKind.Number) { Fail($"{path}.score.{name}", "must be a number"); return null; }
                return value.GetDouble();
            }
            var scaled = Number(sv[ScoreNames.Scaled], "scaled");
            var raw = Number(sv[ScoreNames.Raw], "raw");
            var min = Number(sv[ScoreNames.Min], "min");
            var max = Number(sv[ScoreNames.Max], "max");
            if (scaled is < -1 or > 1) { Fail(path + ".score.scaled", "must be between -1 and 1"); }
            if (min is not null && max is not null && min >= max) { Fail(path + ".score.min", "must be less than max"); }
            if (raw is not null && ((min is not null && raw < min) || (max is not null && raw > max))) { Fail(path + ".score.raw", "must be between min and max"); }
        }
        Boolean(v[ResultNames.Success], "success", path);
        Boolean(v[ResultNames.Completion], "completion", path);
        var response = v[ResultNames.Response];
        if (Given(response) && response.ValueKind != JsonValueKind.String) { Fail(path + ".response", "must be a string"); }
        Span<char> buffer = stackalloc char[64];
        var duration = v[ResultNames.Duration];
        if (Given(duration) && (duration.ValueKind != JsonValueKind.String || !Grammar.IsDuration(TextOf(duration, buffer))))
        {
            Fail(path + ".duration", "must be an ISO 8601 duration");
        }
        if (Given(v[ResultNames.Extensions])) { Extensions(v[ResultNames.Extensions], path + ".extensions"); }
    }

    private void Context(JsonElement context, RulePath path, bool objectIsActivity)
    {
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (!Properties<ContextNames>(context, path, v))
        {
            return;
        }
        if (Given(v[ContextNames.Registration])) { Uuid(v[ContextNames.Registration], path + ".registration"); }
        if (Given(v[ContextNames.Instructor])) { AgentRules.ActorOrGroup(this, v[ContextNames.Instructor], path + ".instructor"); }
        var team = v[ContextNames.Team];
        if (Given(team))
        {
            if (team.ValueKind == JsonValueKind.Object && TryGetObjectType(team, out var tt) && tt.ValueKind == JsonValueKind.String && tt.ValueEquals("Group"u8))
            {
                AgentRules.ActorOrGroup(this, team, path + ".team");
            }
            else
            {
                Fail(path + ".team", "must be a Group");
            }
        }
        Span<char> buffer = stackalloc char[32];
        var ca = v[ContextNames.ContextActivities];
        if (ca.ValueKind == JsonValueKind.Object)
        {
            foreach (var kind in ca.EnumerateObject())
            {
                // The four kinds' paths are literals: a new string per kind was an allocation per statement.
                string? part = NameOf(kind, buffer) switch
                {
                    "parent" => ".contextActivities.parent",
                    "grouping" => ".contextActivities.grouping",
                    "category" => ".contextActivities.category",
                    "other" => ".contextActivities.other",
                    _ => null,
                };
                if (part is null) { Fail(path + ".contextActivities." + kind.Name, "must be parent, grouping, category or other"); continue; }
                var p = path + part;
                if (kind.Value.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var a in kind.Value.EnumerateArray()) { ActivityRules.Activity(this, a, p.Item(i++)); }
                }
                else
                {
                    ActivityRules.Activity(this, kind.Value, p);
                }
            }
        }
        else if (Given(ca))
        {
            Fail(path + ".contextActivities", "must be an object");
        }
        for (var k = 0; k < RevisionAndPlatform.Length; k++)
        {
            var value = v[k == 0 ? ContextNames.Revision : ContextNames.Platform];
            if (!Given(value)) { continue; }
            var name = RevisionAndPlatform[k];
            if (value.ValueKind != JsonValueKind.String) { Fail($"{path}.{name}", "must be a string"); }
            else if (!objectIsActivity) { Fail($"{path}.{name}", "is allowed only when the object is an Activity"); }
        }
        var lang = v[ContextNames.Language];
        if (Given(lang) && (lang.ValueKind != JsonValueKind.String || !Grammar.IsLanguageTag(TextOf(lang, buffer))))
        {
            Fail(path + ".language", "must be an RFC 5646 language tag");
        }
        var st = v[ContextNames.Statement];
        if (Given(st))
        {
            if (st.ValueKind == JsonValueKind.Object && TryGetObjectType(st, out var stt) && stt.ValueKind == JsonValueKind.String && stt.ValueEquals("StatementRef"u8)) { StatementRef(st, path + ".statement"); }
            else { Fail(path + ".statement", "must be a StatementRef"); }
        }
        if (Given(v[ContextNames.Extensions])) { Extensions(v[ContextNames.Extensions], path + ".extensions"); }
    }

    private void Attachments(JsonElement attachments, RulePath path)
    {
        if (attachments.ValueKind != JsonValueKind.Array) { Fail(path, "must be an array"); return; }
        var i = 0;
        foreach (var a in attachments.EnumerateArray())
        {
            var p = path.Item(i++);
            var values = new PropertyValues();
            Span<JsonElement> v = values;
            if (!Properties<AttachmentNames>(a, p, v)) { continue; }
            if (Required(v[AttachmentNames.UsageType], "usageType", p)) { Iri(v[AttachmentNames.UsageType], p + ".usageType"); }
            if (Required(v[AttachmentNames.Display], "display", p)) { LanguageMap(v[AttachmentNames.Display], p + ".display"); }
            if (Given(v[AttachmentNames.Description])) { LanguageMap(v[AttachmentNames.Description], p + ".description"); }
            if (Required(v[AttachmentNames.ContentType], "contentType", p) && v[AttachmentNames.ContentType].ValueKind != JsonValueKind.String) { Fail(p + ".contentType", "must be a string"); }
            var length = v[AttachmentNames.Length];
            if (Required(length, "length", p) && (length.ValueKind != JsonValueKind.Number || !length.TryGetInt64(out var len) || len < 0))
            {
                Fail(p + ".length", "must be a non-negative integer");
            }
            if (Required(v[AttachmentNames.Sha2], "sha2", p) && v[AttachmentNames.Sha2].ValueKind != JsonValueKind.String) { Fail(p + ".sha2", "must be a string"); }
            if (Given(v[AttachmentNames.FileUrl])) { Iri(v[AttachmentNames.FileUrl], p + ".fileUrl"); }
        }
    }

    // ---- shared small checks (used by AgentRules and ActivityRules too) ----

    /// <summary>
    /// The object's properties in one pass: each allowed one's value into its slot in <paramref name="values"/>, each
    /// name not allowed here or null value named as a failure, in the order the properties come. False if the value is
    /// not an object or any property failed (the caller then checks nothing further inside it).
    /// </summary>
    public bool Properties<TNames>(JsonElement e, RulePath path, Span<JsonElement> values) where TNames : IPropertyNames
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return Fail(path, "must be an object");
        }
        var ok = true;
        Span<char> buffer = stackalloc char[32];
        foreach (var p in e.EnumerateObject())
        {
            var slot = TNames.SlotOf(NameOf(p, buffer));
            if (slot < 0) { ok = Fail($"{path}.{p.Name}", "is not a property the specification allows here"); }
            else if (p.Value.ValueKind == JsonValueKind.Null) { ok = Fail($"{path}.{p.Name}", "must not be null"); }
            else { values[slot] = p.Value; }
        }
        return ok;
    }

    /// <summary>Whether a required property was given; if not, says so.</summary>
    public bool Required(JsonElement value, string name, RulePath path) => Given(value) || Fail($"{path}.{name}", "is required");

    /// <summary>
    /// The objectType property (TryGetProperty's answer): looked at first where it is usually written, before a look-up
    /// that scans the object's properties from the end.
    /// </summary>
    public static bool TryGetObjectType(JsonElement obj, out JsonElement value)
    {
        var properties = obj.EnumerateObject();
        if (properties.MoveNext() && properties.Current.NameEquals("objectType"u8))
        {
            value = properties.Current.Value;
            return true;
        }
        return obj.TryGetProperty("objectType"u8, out value);
    }

    /// <summary>An objectType's value as one of the spec's type names without a new string, else as its text.</summary>
    public static string? TypeOf(JsonElement t) =>
        t.ValueKind != JsonValueKind.String ? null
        : t.ValueEquals("Activity"u8) ? "Activity"
        : t.ValueEquals("Agent"u8) ? "Agent"
        : t.ValueEquals("Group"u8) ? "Group"
        : t.ValueEquals("StatementRef"u8) ? "StatementRef"
        : t.ValueEquals("SubStatement"u8) ? "SubStatement"
        : t.GetString();

    public bool Iri(JsonElement e, RulePath path)
    {
        Span<char> buffer = stackalloc char[256];
        return (e.ValueKind == JsonValueKind.String && Grammar.IsIri(TextOf(e, buffer))) || Fail(path, "must be an absolute IRI");
    }

    public bool Uuid(JsonElement e, RulePath path)
    {
        Span<char> buffer = stackalloc char[64];
        return (e.ValueKind == JsonValueKind.String && Grammar.IsUuid(TextOf(e, buffer))) || Fail(path, "must be a UUID");
    }

    public void Timestamp(JsonElement e, RulePath path)
    {
        Span<char> buffer = stackalloc char[64];
        if (e.ValueKind != JsonValueKind.String || !Grammar.TryTimestamp(TextOf(e, buffer), out _)) { Fail(path, "must be an ISO 8601 timestamp (not -00:00)"); }
    }

    /// <summary>
    /// A property's name, decoded into <paramref name="buffer"/> when it is unescaped ASCII and fits (nearly always),
    /// else as the string JsonProperty.Name makes. JsonProperty.Name makes a new string on every call, and every
    /// property of every object checked was read that way (docs/benchmarks.md, "Session 14").
    /// </summary>
    internal static ReadOnlySpan<char> NameOf(JsonProperty p, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(p);
        return raw.Length <= buffer.Length && raw.IndexOf((byte)'\\') < 0 && Ascii.ToUtf16(raw, buffer, out var written) == OperationStatus.Done
            ? buffer[..written]
            : p.Name;
    }

    /// <summary>A string value, decoded into <paramref name="buffer"/> when it is unescaped and fits, else as a new string.</summary>
    internal static ReadOnlySpan<char> TextOf(JsonElement e, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8Value(e);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            var inner = raw[1..^1];
            if (inner.IndexOf((byte)'\\') < 0 && Utf8.ToUtf16(inner, buffer, out _, out var written) == OperationStatus.Done)
            {
                return buffer[..written];
            }
        }
        return e.GetString();
    }

    public void Boolean(JsonElement value, string name, RulePath path)
    {
        if (Given(value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { Fail($"{path}.{name}", "must be true or false"); }
    }

    public void LanguageMap(JsonElement e, RulePath path)
    {
        if (e.ValueKind != JsonValueKind.Object) { Fail(path, "must be a language map"); return; }
        Span<char> buffer = stackalloc char[32];
        foreach (var p in e.EnumerateObject())
        {
            if (!Grammar.IsLanguageTag(NameOf(p, buffer))) { Fail($"{path}.{p.Name}", "is not an RFC 5646 language tag"); }
            else if (p.Value.ValueKind != JsonValueKind.String) { Fail($"{path}.{p.Name}", "must be a string"); }
        }
    }

    public void Extensions(JsonElement e, RulePath path)
    {
        if (e.ValueKind != JsonValueKind.Object) { Fail(path, "must be an object"); return; }
        Span<char> buffer = stackalloc char[256];
        foreach (var p in e.EnumerateObject())
        {
            if (!Grammar.IsIri(NameOf(p, buffer))) { Fail($"{path}.{p.Name}", "extension keys must be IRIs"); }
        }
    }

    // ---- the names allowed on each object the statement rules check, and their slots ----

    private readonly struct StatementNames : IPropertyNames
    {
        public const int Id = 0, Actor = 1, Verb = 2, Object = 3, Result = 4, Context = 5, Timestamp = 6, Stored = 7, Authority = 8, Version = 9, Attachments = 10, ObjectType = 11;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch
        {
            "id" => Id, "actor" => Actor, "verb" => Verb, "object" => Object, "result" => Result, "context" => Context, "timestamp" => Timestamp,
            "stored" => Stored, "authority" => Authority, "version" => Version, "attachments" => Attachments,
            _ => -1,
        };
    }

    /// <summary>A SubStatement's names: StatementNames' slots, with objectType and without id, stored, authority, version.</summary>
    private readonly struct SubStatementNames : IPropertyNames
    {
        public static int SlotOf(ReadOnlySpan<char> name) => name switch
        {
            "objectType" => StatementNames.ObjectType, "actor" => StatementNames.Actor, "verb" => StatementNames.Verb, "object" => StatementNames.Object,
            "result" => StatementNames.Result, "context" => StatementNames.Context, "timestamp" => StatementNames.Timestamp, "attachments" => StatementNames.Attachments,
            _ => -1,
        };
    }

    private readonly struct VerbNames : IPropertyNames
    {
        public const int Id = 0, Display = 1;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch { "id" => Id, "display" => Display, _ => -1 };
    }

    private readonly struct ResultNames : IPropertyNames
    {
        public const int Score = 0, Success = 1, Completion = 2, Response = 3, Duration = 4, Extensions = 5;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch
        {
            "score" => Score, "success" => Success, "completion" => Completion, "response" => Response, "duration" => Duration, "extensions" => Extensions,
            _ => -1,
        };
    }

    private readonly struct ScoreNames : IPropertyNames
    {
        public const int Scaled = 0, Raw = 1, Min = 2, Max = 3;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch { "scaled" => Scaled, "raw" => Raw, "min" => Min, "max" => Max, _ => -1 };
    }

    private readonly struct ContextNames : IPropertyNames
    {
        public const int Registration = 0, Instructor = 1, Team = 2, ContextActivities = 3, Revision = 4, Platform = 5, Language = 6, Statement = 7, Extensions = 8;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch
        {
            "registration" => Registration, "instructor" => Instructor, "team" => Team, "contextActivities" => ContextActivities, "revision" => Revision,
            "platform" => Platform, "language" => Language, "statement" => Statement, "extensions" => Extensions,
            _ => -1,
        };
    }

    private readonly struct AttachmentNames : IPropertyNames
    {
        public const int UsageType = 0, Display = 1, Description = 2, ContentType = 3, Length = 4, Sha2 = 5, FileUrl = 6;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch
        {
            "usageType" => UsageType, "display" => Display, "description" => Description, "contentType" => ContentType, "length" => Length, "sha2" => Sha2, "fileUrl" => FileUrl,
            _ => -1,
        };
    }

    private readonly struct RefNames : IPropertyNames
    {
        public const int ObjectType = 0, Id = 1;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch { "objectType" => ObjectType, "id" => Id, _ => -1 };
    }
}
