using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Runtime.InteropServices;
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

        private readonly List<List<JsonProperty>> _properties = [];
        private readonly List<List<(string Name, JsonElement Value)>> _named = [];

        internal List<JsonProperty> Properties(int depth)
        {
            while (_properties.Count <= depth) { _properties.Add(new List<JsonProperty>(12)); }
            var list = _properties[depth];
            list.Clear();
            return list;
        }

        /// <summary>An object's properties by name as strings, for an object with an escaped or non-ASCII name.</summary>
        internal List<(string Name, JsonElement Value)> NamedProperties(int depth)
        {
            while (_named.Count <= depth) { _named.Add(new List<(string, JsonElement)>(12)); }
            var list = _named[depth];
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

    public static string SubmittedHash(JsonElement s, string id, Scratch scratch) => SubmittedHash(s, Encoding.UTF8.GetBytes(id), scratch);

    /// <summary>As above with the id as UTF-8 (a batch formats each id on the stack, not as a string).</summary>
    public static string SubmittedHash(JsonElement s, ReadOnlySpan<byte> id, Scratch scratch)
    {
        var buffer = scratch.Buffer;
        var writer = scratch.Start();
        var properties = scratch.Properties(0);
        var hasId = false;
        var plain = true;
        foreach (var p in s.EnumerateObject())
        {
            if (p.NameEquals("stored"u8) || p.NameEquals("authority"u8) || p.NameEquals("version"u8)) { continue; }
            hasId |= p.NameEquals("id"u8);
            plain &= IsPlainName(p);
            properties.Add(p);
        }
        writer.WriteStartObject();
        if (plain)
        {
            // The id goes where its name sorts among the others (it is added when the statement has none).
            if (properties.Count > 1) { properties.Sort(ByRawName); }
            var idWritten = false;
            foreach (var p in properties)
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(p);
                if (!hasId && !idWritten && name.SequenceCompareTo("id"u8) > 0)
                {
                    writer.WriteString("id"u8, id);
                    idWritten = true;
                }
                writer.WritePropertyName(name);
                if (p.NameEquals("id"u8)) { writer.WriteStringValue(id); }
                else { WriteSorted(writer, p.Value, scratch, 1); }
            }
            if (!hasId && !idWritten) { writer.WriteString("id"u8, id); }
        }
        else
        {
            var named = scratch.NamedProperties(0);
            foreach (var p in properties) { named.Add((p.Name, p.Value)); }
            if (!hasId) { named.Add(("id", default)); }
            named.Sort(ByName);
            foreach (var (name, value) in named)
            {
                writer.WritePropertyName(name);
                if (name == "id") { writer.WriteStringValue(id); }
                else { WriteSorted(writer, value, scratch, 1); }
            }
            named.Clear();
        }
        writer.WriteEndObject();
        properties.Clear();
        writer.Flush();
        Span<byte> sha = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, sha);
        return Convert.ToHexStringLower(sha);
    }

    /// <summary>
    /// Each object's properties sorted by name, one list per depth, reused. A name that is unescaped ASCII (nearly
    /// all) is sorted and written as its raw UTF-8 bytes, which for ASCII sort as the UTF-16 ordinal order did: no
    /// string per name (JsonProperty.Name makes one per call). Values that need no escaping are copied as sent.
    /// </summary>
    private static void WriteSorted(Utf8JsonWriter writer, JsonElement e, Scratch scratch, int depth)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = scratch.Properties(depth);
                var plain = true;
                foreach (var p in e.EnumerateObject())
                {
                    plain &= IsPlainName(p);
                    properties.Add(p);
                }
                writer.WriteStartObject();
                if (plain)
                {
                    if (properties.Count > 1) { properties.Sort(ByRawName); }
                    foreach (var p in properties)
                    {
                        writer.WritePropertyName(JsonMarshal.GetRawUtf8PropertyName(p));
                        WriteSorted(writer, p.Value, scratch, depth + 1);
                    }
                }
                else
                {
                    var named = scratch.NamedProperties(depth);
                    foreach (var p in properties) { named.Add((p.Name, p.Value)); }
                    named.Sort(ByName);
                    foreach (var (name, value) in named)
                    {
                        writer.WritePropertyName(name);
                        WriteSorted(writer, value, scratch, depth + 1);
                    }
                    named.Clear();
                }
                writer.WriteEndObject();
                properties.Clear();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var x in e.EnumerateArray()) { WriteSorted(writer, x, scratch, depth + 1); }
                writer.WriteEndArray();
                break;
            default: WriteLeaf(writer, e); break;
        }
    }

    private static readonly Comparison<(string Name, JsonElement Value)> ByName = (a, b) => string.CompareOrdinal(a.Name, b.Name);

    private static readonly Comparison<JsonProperty> ByRawName = (a, b) => JsonMarshal.GetRawUtf8PropertyName(a).SequenceCompareTo(JsonMarshal.GetRawUtf8PropertyName(b));

    /// <summary>A name sent without escapes and in ASCII: its raw bytes are its text, and they sort as its UTF-16 does.</summary>
    private static bool IsPlainName(JsonProperty p)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(p);
        return Ascii.IsValid(raw) && raw.IndexOf((byte)'\\') < 0;
    }

    /// <summary>
    /// The bytes Utf8JsonWriter writes unchanged inside a string (with its default encoder): printable ASCII except the
    /// quote, ampersand, apostrophe, plus, less-than, greater-than, backslash and backtick, which it escapes, as it does
    /// control characters, DEL and everything past ASCII (the allow list of System.Text.Json's JsonWriterHelper).
    /// </summary>
    private static readonly SearchValues<byte> Unescaped = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (byte)c).Where(c => c is not ((byte)'"' or (byte)'&' or (byte)'\'' or (byte)'+' or (byte)'<' or (byte)'>' or (byte)'\\' or (byte)'`'))]);

    /// <summary>
    /// The bytes of a minified JSON text that the writer would write back unchanged: <see cref="Unescaped"/> and the
    /// quotes, without the space (outside a string it is formatting the writer drops; inside one it would be kept,
    /// but a whole text is not split into its strings here).
    /// </summary>
    private static readonly SearchValues<byte> Minified = SearchValues.Create(
        [.. Enumerable.Range(0x21, 0x7F - 0x21).Select(c => (byte)c).Where(c => c is not ((byte)'&' or (byte)'\'' or (byte)'+' or (byte)'<' or (byte)'>' or (byte)'\\' or (byte)'`'))]);

    /// <summary>A string, number, true, false or null as the writer writes it: as sent when that is what it would write.</summary>
    private static void WriteLeaf(Utf8JsonWriter writer, JsonElement e)
    {
        var raw = JsonMarshal.GetRawUtf8Value(e);
        if (e.ValueKind == JsonValueKind.String ? raw[1..^1].IndexOfAnyExcept(Unescaped) < 0 : raw.IndexOfAnyExcept(Minified) < 0)
        {
            writer.WriteRawValue(raw, skipInputValidation: true);
        }
        else
        {
            e.WriteTo(writer);
        }
    }

    /// <summary>
    /// What <c>e.WriteTo(writer)</c> writes, with every part the writer would write back unchanged copied as sent: a
    /// whole object or array when it is minified and needs no escaping (one vectorised scan), else its parts in turn.
    /// Most of a statement's bytes are IRIs, ids and ASCII names that the writer only copied after checking each one.
    /// </summary>
    internal static void WriteAsSent(Utf8JsonWriter writer, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array when JsonMarshal.GetRawUtf8Value(e).IndexOfAnyExcept(Minified) < 0:
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(e), skipInputValidation: true);
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var p in e.EnumerateObject())
                {
                    WriteName(writer, p);
                    WriteAsSent(writer, p.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var x in e.EnumerateArray()) { WriteAsSent(writer, x); }
                writer.WriteEndArray();
                break;
            default: WriteLeaf(writer, e); break;
        }
    }

    /// <summary>A property's name as the writer writes it: from its raw UTF-8 when sent without escapes (no string).</summary>
    private static void WriteName(Utf8JsonWriter writer, JsonProperty p)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(p);
        if (raw.IndexOf((byte)'\\') < 0) { writer.WritePropertyName(raw); }
        else { writer.WritePropertyName(p.Name); }
    }

    /// <summary>
    /// The statement as stored, as UTF-8 (valid until the scratch is used again): as submitted, with id, stored and
    /// authority set, timestamp and version kept or set (StoreStatements.Prepare on the node tree: existing properties
    /// keep their place, new ones follow in that order).
    /// </summary>
    public static ReadOnlySpan<byte> StoredJsonUtf8(JsonElement s, ReadOnlySpan<byte> id, ReadOnlySpan<byte> stored, JsonObject authority, Scratch scratch)
    {
        var buffer = scratch.Buffer;
        var writer = scratch.Start();
        var authorityJson = scratch.Written(authority);
        {
            bool hasId = false, hasStored = false, hasTimestamp = false, hasAuthority = false, hasVersion = false;
            writer.WriteStartObject();
            foreach (var p in s.EnumerateObject())
            {
                WriteName(writer, p);
                if (p.NameEquals("id"u8)) { hasId = true; writer.WriteStringValue(id); }
                else if (p.NameEquals("stored"u8)) { hasStored = true; writer.WriteStringValue(stored); }
                else if (p.NameEquals("authority"u8)) { hasAuthority = true; writer.WriteRawValue(authorityJson, skipInputValidation: true); }
                else if (p.NameEquals("timestamp"u8))
                {
                    hasTimestamp = true;
                    if (p.Value.ValueKind != JsonValueKind.Null) { WriteAsSent(writer, p.Value); } else { writer.WriteStringValue(stored); }
                }
                else if (p.NameEquals("version"u8))
                {
                    hasVersion = true;
                    if (p.Value.ValueKind != JsonValueKind.Null) { WriteAsSent(writer, p.Value); } else { writer.WriteStringValue("1.0.0"u8); }
                }
                else { WriteAsSent(writer, p.Value); }
            }
            if (!hasId) { writer.WriteString("id"u8, id); }
            if (!hasStored) { writer.WriteString("stored"u8, stored); }
            if (!hasTimestamp) { writer.WriteString("timestamp"u8, stored); }
            if (!hasAuthority) { writer.WritePropertyName("authority"u8); writer.WriteRawValue(authorityJson, skipInputValidation: true); }
            if (!hasVersion) { writer.WriteString("version"u8, "1.0.0"u8); }
            writer.WriteEndObject();
            writer.Flush();
        }
        return buffer.WrittenSpan;
    }

    /// <summary>An element written alone, as the node path's ToJsonString writes it.</summary>
    public static string Json(JsonElement e, Scratch scratch)
    {
        var writer = scratch.Start();
        WriteAsSent(writer, e);
        writer.Flush();
        return Encoding.UTF8.GetString(scratch.Buffer.WrittenSpan);
    }
}
