using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Resources;

public sealed class OfficePreviewTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task An_uploaded_spreadsheet_gets_a_pdf_preview_made_by_libreoffice_in_the_background()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("成绩分析");
        sheet.Cell(1, 1).Value = "题号";
        sheet.Cell(1, 2).Value = "得分率";
        sheet.Cell(2, 1).Value = 1;
        sheet.Cell(2, 2).Value = 0.85;
        var stream = new MemoryStream();
        book.SaveAs(stream);
        var node = await ResourceApi.NodeAsync(provider, "初中", "数学", "人教版", "七年级上册");
        var created = await ResourceApi.CreateAsync(provider, ResourceApi.Version(await ResourceApi.UploadedAsync(provider, "试卷分析.xlsx", stream.ToArray()), node, "期中试卷分析表", "paper"),
            regionCode: "520000", submit: false);
        var id = created.GetProperty("id").GetGuid();

        // Not ready at once: the conversion runs in the background (a few seconds; generous on a shared machine).
        JsonElement detail = default;
        for (var i = 0; i < 90; i++)
        {
            detail = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}");
            if (detail.GetProperty("versions")[0].GetProperty("preview").GetString() is "Ready" or "Failed")
            {
                break;
            }
            await Task.Delay(1000);
        }
        detail.GetProperty("versions")[0].GetProperty("preview").GetString().ShouldBe("Ready");
        var version = detail.GetProperty("versions")[0].GetProperty("id").GetGuid();
        var pdf = await provider.GetAsync($"/api/v1/resources/{id}/preview?versionId={version}");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync())[..5].ShouldBe("%PDF-"u8.ToArray());

        // The preview is under the same checks as the file: an unpublished draft is nobody else's business.
        using var other = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        (await other.GetAsync($"/api/v1/resources/{id}/preview?versionId={version}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
