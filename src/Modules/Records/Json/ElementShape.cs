using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Records.Domain;

namespace EduCloud.Records.Json;

/// <summary>
/// What <see cref="StatementShape"/> derives from a statement's node tree, read straight from the parsed request
/// element instead: the submitted hash, the stored JSON (with what the LRS sets), the links. A batch of 1,000
/// statements as node trees (every object of every statement materialised, sorted, then serialised again) was the
/// largest share of the server's ingest CPU after the COPY itself (profile in docs/benchmarks.md, "ingest").
/// The bytes are the node path's: the same writer, the same escaping, the same property order, so hashes already
/// stored keep matching (ElementShapeTests compare both paths).
/// </summary>
internal static class ElementShape
{
    public static string? IfiKey(JsonElement a)
    {
        if (a.ValueKind != JsonValueKind.Object) { return null; }
        if (a.TryGetProperty("mbox", out var mbox) && mbox.ValueKind != JsonValueKind.Null) { return "mbox:" + mbox.GetString(); }
        if (a.TryGetProperty("mbox_sha1sum", out var sha) && sha.ValueKind != JsonValueKind.Null) { return "sha1:" + sha.GetString()!.ToLowerInvariant(); }
        if (a.TryGetProperty("openid", out var openid) && openid.ValueKind != JsonValueKind.Null) { return "openid:" + openid.GetString(); }
        if (a.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.Object)
        {
            return "account:" + Text(account, "homePage") + "|" + Text(account, "name");
        }
        return null;
    }

    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string ObjectType(JsonElement e) => e.ValueKind == JsonValueKind.Object ? Text(e, "objectType") ?? "Activity" : "";

    public static JsonElement Property(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    /// <summary>As <see cref="StatementShape.StoredLinks"/>: the statement's links, without the authority's.</summary>
    public static List<(LinkKind Kind, string Key, bool Primary)> Links(JsonElement s)
    {
        var links = new List<(LinkKind, string, bool)>(6);
        void Agent(JsonElement a, bool primary)
        {
            if (a.ValueKind != JsonValueKind.Object) { return; }
            if (IfiKey(a) is { } key) { links.Add((LinkKind.Agent, key, primary)); }
            if (a.TryGetProperty("member", out var members) && members.ValueKind == JsonValueKind.Array)
            {
                foreach (var m in members.EnumerateArray()) { if (IfiKey(m) is { } mk) { links.Add((LinkKind.Agent, mk, false)); } }
            }
        }
        void Activity(JsonElement a, bool primary)
        {
            if (Text(a, "id") is { } id) { links.Add((LinkKind.Activity, id, primary)); }
        }
        void Statement(JsonElement st, bool top)
        {
            Agent(Property(st, "actor"), top);
            var obj = Property(st, "object");
            switch (ObjectType(obj))
            {
                case "Activity": Activity(obj, top); break;
                case "Agent" or "Group": Agent(obj, top); break;
                case "SubStatement": Statement(obj, false); break;
            }
            var c = Property(st, "context");
            if (c.ValueKind != JsonValueKind.Object) { return; }
            Agent(Property(c, "instructor"), false);
            Agent(Property(c, "team"), false);
            if (Property(c, "contextActivities") is { ValueKind: JsonValueKind.Object } ca)
            {
                foreach (var kind in ca.EnumerateObject())
                {
                    if (kind.Value.ValueKind == JsonValueKind.Array) { foreach (var x in kind.Value.EnumerateArray()) { Activity(x, false); } }
                    else { Activity(kind.Value, false); }
                }
            }
        }
        Statement(s, true);
        return StatementShape.OnePerKey(links);
    }

    /// <summary>As <see cref="StatementShape.SubmittedHash"/> of the statement once its id is <paramref name="id"/>.</summary>
    public static string SubmittedHash(JsonElement s, string id) => SubmittedHash(s, id, new Scratch());

    /// <summary>
    /// One buffer and one JSON writer reused for every statement of a batch (not thread-safe: one per batch). A new
    /// buffer, writer and UTF-8 string per statement for the hash and again for the stored JSON were a good part of
    /// the batch path's allocations (docs/benchmarks.md, "Session 12: where the batch path's time goes").
    /// </summary>
    public sealed class Scratch
    {
        internal readonly ArrayBufferWriter<byte> Buffer = new(2048);
        private Utf8JsonWriter? _writer;
        private readonly Dictionary<JsonObject, byte[]> _written = new(ReferenceEqualityComparer.Instance);

        private readonly List<List<(string Name, JsonElement Value)>> _properties = [];

        internal List<(string Name, JsonElement Value)> Properties(int depth)
        {
            while (_properties.Count <= depth) { _properties.Add(new List<(string, JsonElement)>(12)); }
            var list = _properties[depth];
            list.Clear();
            return list;
        }

        internal Utf8JsonWriter Start()
        {
            Buffer.ResetWrittenCount();
            if (_writer is null) { _writer = new Utf8JsonWriter(Buffer); }
            else { _writer.Reset(Buffer); }
            return _writer;
        }

        /// <summary>The authority as the writer writes it, once per batch instead of walking its node tree per statement.</summary>
        internal byte[] Written(JsonObject node)
        {
            if (!_written.TryGetValue(node, out var bytes))
            {
                var written = new ArrayBufferWriter<byte>(256);
                using (var w = new Utf8JsonWriter(written)) { node.WriteTo(w); }
                bytes = written.WrittenSpan.ToArray();
                _written[node] = bytes;
            }
            return bytes;
        }
    }

    public static string SubmittedHash(JsonElement s, string id, Scratch scratch)
    {
        var buffer = scratch.Buffer;
        var writer = scratch.Start();
        {
            var properties = scratch.Properties(0);
            var hasId = false;
            foreach (var p in s.EnumerateObject())
            {
                if (p.Name is "stored" or "authority" or "version") { continue; }
                hasId |= p.Name == "id";
                properties.Add((p.Name, p.Value));
            }
            if (!hasId) { properties.Add(("id", default)); }
            properties.Sort(ByName);
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WritePropertyName(name);
                if (name == "id") { writer.WriteStringValue(id); }
                else { WriteSorted(writer, value, scratch, 1); }
            }
            writer.WriteEndObject();
            properties.Clear();
            writer.Flush();
        }
        Span<byte> sha = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, sha);
        return Convert.ToHexStringLower(sha);
    }

    /// <summary>
    /// Each object's properties sorted by name. The names are read once per property: JsonProperty.Name makes a new
    /// string on every call, and the sort's comparer called it O(n log n) times. One list per depth, reused.
    /// </summary>
    private static void WriteSorted(Utf8JsonWriter writer, JsonElement e, Scratch scratch, int depth)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = scratch.Properties(depth);
                foreach (var p in e.EnumerateObject()) { properties.Add((p.Name, p.Value)); }
                if (properties.Count > 1) { properties.Sort(ByName); }
                writer.WriteStartObject();
                foreach (var (name, value) in properties)
                {
                    writer.WritePropertyName(name);
                    WriteSorted(writer, value, scratch, depth + 1);
                }
                writer.WriteEndObject();
                properties.Clear();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var x in e.EnumerateArray()) { WriteSorted(writer, x, scratch, depth + 1); }
                writer.WriteEndArray();
                break;
            default: e.WriteTo(writer); break;
        }
    }

    private static readonly Comparison<(string Name, JsonElement Value)> ByName = (a, b) => string.CompareOrdinal(a.Name, b.Name);

    /// <summary>
    /// The statement as stored, as UTF-8 (valid until the scratch is used again): as submitted, with id, stored and
    /// authority set, timestamp and version kept or set (StoreStatements.Prepare on the node tree: existing properties
    /// keep their place, new ones follow in that order).
    /// </summary>
    public static ReadOnlySpan<byte> StoredJsonUtf8(JsonElement s, string id, string stored, JsonObject authority, Scratch scratch)
    {
        var buffer = scratch.Buffer;
        var writer = scratch.Start();
        var authorityJson = scratch.Written(authority);
        {
            bool hasId = false, hasStored = false, hasTimestamp = false, hasAuthority = false, hasVersion = false;
            writer.WriteStartObject();
            foreach (var p in s.EnumerateObject())
            {
                writer.WritePropertyName(p.Name);
                switch (p.Name)
                {
                    case "id": hasId = true; writer.WriteStringValue(id); break;
                    case "stored": hasStored = true; writer.WriteStringValue(stored); break;
                    case "authority": hasAuthority = true; writer.WriteRawValue(authorityJson, skipInputValidation: true); break;
                    case "timestamp" when p.Value.ValueKind != JsonValueKind.Null: hasTimestamp = true; p.Value.WriteTo(writer); break;
                    case "timestamp": hasTimestamp = true; writer.WriteStringValue(stored); break;
                    case "version" when p.Value.ValueKind != JsonValueKind.Null: hasVersion = true; p.Value.WriteTo(writer); break;
                    case "version": hasVersion = true; writer.WriteStringValue("1.0.0"); break;
                    default: p.Value.WriteTo(writer); break;
                }
            }
            if (!hasId) { writer.WriteString("id", id); }
            if (!hasStored) { writer.WriteString("stored", stored); }
            if (!hasTimestamp) { writer.WriteString("timestamp", stored); }
            if (!hasAuthority) { writer.WritePropertyName("authority"); writer.WriteRawValue(authorityJson, skipInputValidation: true); }
            if (!hasVersion) { writer.WriteString("version", "1.0.0"); }
            writer.WriteEndObject();
            writer.Flush();
        }
        return buffer.WrittenSpan;
    }

    /// <summary>An element written alone, as the node path's ToJsonString writes it.</summary>
    public static string Json(JsonElement e, Scratch scratch)
    {
        var writer = scratch.Start();
        e.WriteTo(writer);
        writer.Flush();
        return Encoding.UTF8.GetString(scratch.Buffer.WrittenSpan);
    }
}
