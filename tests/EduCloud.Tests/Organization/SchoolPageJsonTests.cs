using System.Buffers;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Kernel.Paging;
using EduCloud.Organization.Features.Schools;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EduCloud.Tests.Organization;

/// <summary>
/// The school list writes its JSON by hand (WriteSchoolPage, ADR 0028): its bytes must be exactly what
/// System.Text.Json writes for the same page with the host's options, whatever the text holds.
/// </summary>
public sealed class SchoolPageJsonTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public void A_page_is_written_byte_for_byte_as_the_serializer_writes_it()
    {
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var page = new Page<SchoolDto>(
        [
            new(Guid.NewGuid(), "1152000033", "南明区第1幼儿园", "11", "幼儿园", ["Preschool"], "Town", "520102", "南明区教育路410号", false),
            new(Guid.NewGuid(), "2152000034", "\"Quoted\" <b>&'+ \\ tab\t line\n 😀 \u2028 é", "21", "小学", [], "Urban", "520102", null!, true),
            new(Guid.Empty, "", "", "", "", ["Primary", "Junior"], "Rural", "", "", false),
        ], 3, 20, 47);
        var written = new ArrayBufferWriter<byte>();

        new WriteSchoolPage(page).Write(written, options);

        System.Text.Encoding.UTF8.GetString(written.WrittenSpan).ShouldBe(JsonSerializer.Serialize(page, options));
    }

    [Fact]
    public async Task The_endpoint_answers_json_that_reads_back_as_the_page()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        using var client = await factory.ClientForAsync(admin);
        await OrgApi.CreateSchoolAsync(client, "520103", name: "云岩测试学校");
        await OrgApi.CreateSchoolAsync(client, "520103", name: "云岩测试学校二");

        using var response = await client.GetAsync("/api/v1/schools?region=520103&page=1&size=1");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var page = JsonSerializer.Deserialize<Page<SchoolDto>>(body, options)!;
        (page.Items.Count, page.PageNumber, page.PageSize, page.Total).ShouldBe((1, 1, 1, 2));
        page.Items[0].Name.ShouldStartWith("云岩测试学校");
        body.ShouldBe(JsonSerializer.Serialize(page, options));
    }
}
