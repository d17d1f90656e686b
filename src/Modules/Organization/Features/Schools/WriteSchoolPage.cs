using System.Text.Json;
using EduCloud.Kernel.Paging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EduCloud.Organization.Features.Schools;

/// <summary>
/// Writes a page of schools as JSON straight into the response: the same bytes System.Text.Json writes for
/// <see cref="Page{T}"/> of <see cref="SchoolDto"/> with the host's options (property order and names, the host's
/// encoder), without its per-property reflection metadata walk, which was ~8 % of the school list's server CPU
/// (perf, docs/benchmarks.md, session 10 `list10`). Source generation cannot do this: its fast path requires the default
/// encoder, which would escape the Chinese names (ADR 0019). A test holds the bytes to the serializer's (ADR 0028).
/// It declares <c>Page&lt;SchoolDto&gt;</c> for the API description, as <c>Ok&lt;Page&lt;SchoolDto&gt;&gt;</c> did.
/// </summary>
internal sealed class WriteSchoolPage(Page<SchoolDto> page) : IResult, IEndpointMetadataProvider
{
    public Page<SchoolDto> Page => page;

    public static void PopulateMetadata(System.Reflection.MethodInfo method, Microsoft.AspNetCore.Builder.EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Page<SchoolDto>), ["application/json"]));

    public Task ExecuteAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        Write(http.Response.BodyWriter, options);
        return http.Response.BodyWriter.FlushAsync(http.RequestAborted).AsTask();
    }

    /// <summary>Writes the page to <paramref name="output"/> as the serializer would with <paramref name="options"/>.</summary>
    internal void Write(System.Buffers.IBufferWriter<byte> output, JsonSerializerOptions options)
    {
        var names = Names.For(options);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true });
        json.WriteStartObject();
        json.WriteStartArray(names.Items);
        foreach (var school in page.Items)
        {
            json.WriteStartObject();
            json.WriteString(names.Id, school.Id);
            WriteText(json, names.Code, school.Code);
            WriteText(json, names.Name, school.Name);
            WriteText(json, names.TypeCode, school.TypeCode);
            WriteText(json, names.TypeName, school.TypeName);
            if (school.Stages is null)
            {
                json.WriteNull(names.Stages);
            }
            else
            {
                json.WriteStartArray(names.Stages);
                foreach (var stage in school.Stages)
                {
                    json.WriteStringValue(stage);
                }
                json.WriteEndArray();
            }
            WriteText(json, names.UrbanRural, school.UrbanRural);
            WriteText(json, names.RegionCode, school.RegionCode);
            WriteText(json, names.Address, school.Address);
            json.WriteBoolean(names.Retired, school.Retired);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber(names.PageNumber, page.PageNumber);
        json.WriteNumber(names.PageSize, page.PageSize);
        json.WriteNumber(names.Total, page.Total);
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>The property names under the options' naming policy, encoded once per options object.</summary>
    private sealed record Names(
        JsonEncodedText Items, JsonEncodedText PageNumber, JsonEncodedText PageSize, JsonEncodedText Total,
        JsonEncodedText Id, JsonEncodedText Code, JsonEncodedText Name, JsonEncodedText TypeCode, JsonEncodedText TypeName,
        JsonEncodedText Stages, JsonEncodedText UrbanRural, JsonEncodedText RegionCode, JsonEncodedText Address, JsonEncodedText Retired)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, Names> Made = new();

        public static Names For(JsonSerializerOptions options) => Made.GetValue(options, o =>
        {
            JsonEncodedText N(string name) => JsonEncodedText.Encode(o.PropertyNamingPolicy?.ConvertName(name) ?? name, o.Encoder);
            return new Names(
                N(nameof(Page<SchoolDto>.Items)), N(nameof(Page<SchoolDto>.PageNumber)), N(nameof(Page<SchoolDto>.PageSize)), N(nameof(Page<SchoolDto>.Total)),
                N(nameof(SchoolDto.Id)), N(nameof(SchoolDto.Code)), N(nameof(SchoolDto.Name)), N(nameof(SchoolDto.TypeCode)), N(nameof(SchoolDto.TypeName)),
                N(nameof(SchoolDto.Stages)), N(nameof(SchoolDto.UrbanRural)), N(nameof(SchoolDto.RegionCode)), N(nameof(SchoolDto.Address)), N(nameof(SchoolDto.Retired)));
        });
    }
}
