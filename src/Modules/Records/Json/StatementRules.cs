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
    private static readonly HashSet<string> StatementProps = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"];
    private static readonly HashSet<string> SubStatementProps = ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"];
    private static readonly HashSet<string> VerbProps = ["id", "display"];
    private static readonly HashSet<string> ResultProps = ["score", "success", "completion", "response", "duration", "extensions"];
    private static readonly HashSet<string> ScoreProps = ["scaled", "raw", "min", "max"];
    private static readonly HashSet<string> ContextProps = ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"];
    private static readonly HashSet<string> ContextActivityKinds = ["parent", "grouping", "category", "other"];
    private static readonly HashSet<string> AttachmentProps = ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"];
    private static readonly HashSet<string> RefProps = ["objectType", "id"];

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

    private void Statement(JsonElement s, RulePath path, bool sub)
    {
        if (!Object(s, path, sub ? SubStatementProps : StatementProps))
        {
            return;
        }
        if (!sub && s.TryGetProperty("id"u8, out var id) && !Uuid(id, path + ".id"))
        {
            return;
        }
        if (Required(s, "actor", path, out var actor)) { AgentRules.ActorOrGroup(this, actor, path + ".actor"); }
        if (Required(s, "verb", path, out var verb)) { Verb(verb, path + ".verb"); }
        var objectIsActivity = true;
        if (Required(s, "object", path, out var obj)) { objectIsActivity = Object(obj, path + ".object", sub); }
        if (s.TryGetProperty("result"u8, out var result)) { Result(result, path + ".result"); }
        if (s.TryGetProperty("context"u8, out var context)) { Context(context, path + ".context", objectIsActivity); }
        if (s.TryGetProperty("timestamp"u8, out var timestamp)) { Timestamp(timestamp, path + ".timestamp"); }
        if (s.TryGetProperty("stored"u8, out var stored)) { Timestamp(stored, path + ".stored"); }
        if (s.TryGetProperty("authority"u8, out var authority)) { AgentRules.Authority(this, authority, path + ".authority"); }
        if (s.TryGetProperty("version"u8, out var version) && (version.ValueKind != JsonValueKind.String || !VersionOk(version.GetString()!)))
        {
            Fail(path + ".version", "must be a 1.0.x version string");
        }
        if (s.TryGetProperty("attachments"u8, out var attachments)) { Attachments(attachments, path + ".attachments"); }
    }

    public static bool VersionOk(string version) => version == "1.0" || (version.StartsWith("1.0.", StringComparison.Ordinal) && version.Length > 4 && version[4..].All(char.IsAsciiDigit));

    private void Verb(JsonElement verb, RulePath path)
    {
        if (!Object(verb, path, VerbProps))
        {
            return;
        }
        if (Required(verb, "id", path, out var id)) { Iri(id, path + ".id"); }
        if (verb.TryGetProperty("display"u8, out var display)) { LanguageMap(display, path + ".display"); }
    }

    /// <summary>Checks the object; answers whether it is an Activity (context revision/platform apply only then).</summary>
    private bool Object(JsonElement obj, RulePath path, bool sub)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return Fail(path, "must be an object");
        }
        var type = obj.TryGetProperty("objectType"u8, out var t) ? TypeOf(t) : "Activity";
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
        if (Object(obj, path, RefProps) && Required(obj, "id", path, out var id))
        {
            Uuid(id, path + ".id");
        }
    }

    private void Result(JsonElement result, RulePath path)
    {
        if (!Object(result, path, ResultProps))
        {
            return;
        }
        if (result.TryGetProperty("score"u8, out var score) && Object(score, path + ".score", ScoreProps))
        {
            double? Number(string name)
            {
                if (!score.TryGetProperty(name, out var v)) { return null; }
                if (v.ValueKind != JsonValueKind.Number) { Fail($"{path}.score.{name}", "must be a number"); return null; }
                return v.GetDouble();
            }
            var scaled = Number("scaled");
            var raw = Number("raw");
            var min = Number("min");
            var max = Number("max");
            if (scaled is < -1 or > 1) { Fail(path + ".score.scaled", "must be between -1 and 1"); }
            if (min is not null && max is not null && min >= max) { Fail(path + ".score.min", "must be less than max"); }
            if (raw is not null && ((min is not null && raw < min) || (max is not null && raw > max))) { Fail(path + ".score.raw", "must be between min and max"); }
        }
        Boolean(result, "success", path);
        Boolean(result, "completion", path);
        if (result.TryGetProperty("response"u8, out var response) && response.ValueKind != JsonValueKind.String) { Fail(path + ".response", "must be a string"); }
        Span<char> buffer = stackalloc char[64];
        if (result.TryGetProperty("duration"u8, out var duration) && (duration.ValueKind != JsonValueKind.String || !Grammar.IsDuration(TextOf(duration, buffer))))
        {
            Fail(path + ".duration", "must be an ISO 8601 duration");
        }
        if (result.TryGetProperty("extensions"u8, out var ext)) { Extensions(ext, path + ".extensions"); }
    }

    private void Context(JsonElement context, RulePath path, bool objectIsActivity)
    {
        if (!Object(context, path, ContextProps))
        {
            return;
        }
        if (context.TryGetProperty("registration"u8, out var reg)) { Uuid(reg, path + ".registration"); }
        if (context.TryGetProperty("instructor"u8, out var instructor)) { AgentRules.ActorOrGroup(this, instructor, path + ".instructor"); }
        if (context.TryGetProperty("team"u8, out var team))
        {
            if (team.ValueKind == JsonValueKind.Object && team.TryGetProperty("objectType"u8, out var tt) && tt.ValueKind == JsonValueKind.String && tt.GetString() == "Group")
            {
                AgentRules.ActorOrGroup(this, team, path + ".team");
            }
            else
            {
                Fail(path + ".team", "must be a Group");
            }
        }
        if (context.TryGetProperty("contextActivities"u8, out var ca) && ca.ValueKind == JsonValueKind.Object)
        {
            foreach (var kind in ca.EnumerateObject())
            {
                var p = path + ".contextActivities." + kind.Name;
                if (!ContextActivityKinds.Contains(kind.Name)) { Fail(p, "must be parent, grouping, category or other"); continue; }
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
        else if (context.TryGetProperty("contextActivities"u8, out _))
        {
            Fail(path + ".contextActivities", "must be an object");
        }
        foreach (var name in RevisionAndPlatform)
        {
            if (!context.TryGetProperty(name, out var v)) { continue; }
            if (v.ValueKind != JsonValueKind.String) { Fail($"{path}.{name}", "must be a string"); }
            else if (!objectIsActivity) { Fail($"{path}.{name}", "is allowed only when the object is an Activity"); }
        }
        Span<char> buffer = stackalloc char[32];
        if (context.TryGetProperty("language"u8, out var lang) && (lang.ValueKind != JsonValueKind.String || !Grammar.IsLanguageTag(TextOf(lang, buffer))))
        {
            Fail(path + ".language", "must be an RFC 5646 language tag");
        }
        if (context.TryGetProperty("statement"u8, out var st))
        {
            if (st.ValueKind == JsonValueKind.Object && st.TryGetProperty("objectType"u8, out var stt) && stt.ValueKind == JsonValueKind.String && stt.GetString() == "StatementRef") { StatementRef(st, path + ".statement"); }
            else { Fail(path + ".statement", "must be a StatementRef"); }
        }
        if (context.TryGetProperty("extensions"u8, out var ext)) { Extensions(ext, path + ".extensions"); }
    }

    private void Attachments(JsonElement attachments, RulePath path)
    {
        if (attachments.ValueKind != JsonValueKind.Array) { Fail(path, "must be an array"); return; }
        var i = 0;
        foreach (var a in attachments.EnumerateArray())
        {
            var p = path.Item(i++);
            if (!Object(a, p, AttachmentProps)) { continue; }
            if (Required(a, "usageType", p)) { Iri(a.GetProperty("usageType"u8), p + ".usageType"); }
            if (Required(a, "display", p)) { LanguageMap(a.GetProperty("display"u8), p + ".display"); }
            if (a.TryGetProperty("description"u8, out var d)) { LanguageMap(d, p + ".description"); }
            if (Required(a, "contentType", p) && a.GetProperty("contentType"u8).ValueKind != JsonValueKind.String) { Fail(p + ".contentType", "must be a string"); }
            if (Required(a, "length", p) && (a.GetProperty("length"u8).ValueKind != JsonValueKind.Number || !a.GetProperty("length"u8).TryGetInt64(out var len) || len < 0))
            {
                Fail(p + ".length", "must be a non-negative integer");
            }
            if (Required(a, "sha2", p) && a.GetProperty("sha2").ValueKind != JsonValueKind.String) { Fail(p + ".sha2", "must be a string"); }
            if (a.TryGetProperty("fileUrl"u8, out var url)) { Iri(url, p + ".fileUrl"); }
        }
    }

    // ---- shared small checks (used by AgentRules and ActivityRules too) ----

    public bool Object(JsonElement e, RulePath path, HashSet<string> allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return Fail(path, "must be an object");
        }
        var ok = true;
        var known = allowed.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[32];
        foreach (var p in e.EnumerateObject())
        {
            if (!known.Contains(NameOf(p, buffer))) { ok = Fail($"{path}.{p.Name}", "is not a property the specification allows here"); }
            else if (p.Value.ValueKind == JsonValueKind.Null) { ok = Fail($"{path}.{p.Name}", "must not be null"); }
        }
        return ok;
    }

    public bool Required(JsonElement e, string name, RulePath path) => Required(e, name, path, out _);

    /// <summary>As <see cref="Required(JsonElement, string, RulePath)"/>, with the value (one look-up instead of two).</summary>
    public bool Required(JsonElement e, string name, RulePath path, out JsonElement value) => e.TryGetProperty(name, out value) || Fail($"{path}.{name}", "is required");

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

    public void Boolean(JsonElement e, string name, RulePath path)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { Fail($"{path}.{name}", "must be true or false"); }
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
}
