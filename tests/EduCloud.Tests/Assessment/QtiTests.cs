using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Assessment.AssessApi;

namespace EduCloud.Tests.Assessment;

/// <summary>QTI 2.1: export as assessmentItem XML and IMS content packages, import of packages and of the official examples' style, all-or-nothing refusals.</summary>
public sealed class QtiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly XNamespace Q = "http://www.imsglobal.org/xsd/imsqti_v2p1";

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient teacher, string fileName, byte[] content, string? stage = "senior", string? subject = "yingyu")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        if (stage is not null)
        {
            form.Add(new StringContent(stage), "stageCode");
        }
        if (subject is not null)
        {
            form.Add(new StringContent(subject), "subjectCode");
        }
        return await teacher.PostAsync("/api/v1/assessment/items/import", form);
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assessment", "Fixtures", name));

    private static JsonElement[] Sorted(JsonElement list) => list.EnumerateArray().OrderBy(i => i.GetProperty("kind").GetString()).ToArray();

    [Fact]
    public async Task A_package_exported_by_one_teacher_imports_unchanged_at_another_school()
    {
        var school = await SchoolAsync(factory);
        var other = await SchoolAsync(factory, "导入中学");
        var (_, author) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (_, reader) = await PersonAsync(factory, "Teacher", other, other.ClassA);
        foreach (var body in new[] { Single(), Multiple(), TrueFalse(false), Blanks(), Short() })
        {
            await ItemAsync(author, body);
        }
        var zipBytes = await author.GetByteArrayAsync("/api/v1/assessment/items/qti");
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
        {
            var manifest = XDocument.Load(zip.GetEntry("imsmanifest.xml")!.Open());
            var resources = manifest.Descendants(XName.Get("resource", "http://www.imsglobal.org/xsd/imscp_v1p1")).ToList();
            resources.Count.ShouldBe(5);
            resources.ShouldAllBe(r => (string)r.Attribute("type")! == "imsqti_item_xmlv2p1");
            var docs = resources.Select(r => XDocument.Load(zip.GetEntry((string)r.Attribute("href")!)!.Open())).ToList();
            var multiple = docs.Single(d => d.Descendants(Q + "choiceInteraction").Any(c => (string?)c.Attribute("maxChoices") == "0"));
            multiple.Descendants(Q + "correctResponse").Single().Elements(Q + "value").Select(v => v.Value).ShouldBe(["A", "C"]);
            ((string)multiple.Root!.Element(Q + "responseProcessing")!.Attribute("template")!).ShouldBe("http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct");
            var fill = docs.Single(d => d.Descendants(Q + "textEntryInteraction").Any());
            fill.Descendants(Q + "textEntryInteraction").Count().ShouldBe(2);
            fill.Descendants(Q + "mapEntry").Select(m => (string)m.Attribute("mapKey")!).ShouldBe(["北京", "北京市", "中央处理器"]);
            docs.Single(d => d.Descendants(Q + "extendedTextInteraction").Any()).Descendants(Q + "rubricBlock").Single().Value.ShouldContain("化学能");
        }

        var imported = await (await ImportAsync(reader, "qti-items.zip", zipBytes, stage: null, subject: null)).ExpectAsync(HttpStatusCode.OK);
        imported.GetProperty("imported").GetInt32().ShouldBe(5);
        var original = Sorted(await author.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items"));
        var copy = Sorted(await reader.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items"));
        copy.Length.ShouldBe(5);
        foreach (var (a, b) in original.Zip(copy))
        {
            foreach (var field in new[] { "kind", "stem", "options", "blanks", "referenceAnswer", "stageCode", "subjectCode", "difficulty", "points", "knowledgePoints" })
            {
                b.GetProperty(field).ToString().ShouldBe(a.GetProperty(field).ToString(), field);
            }
            b.GetProperty("id").GetGuid().ShouldNotBe(a.GetProperty("id").GetGuid());
        }
        // One item alone as XML imports too, taking stage and subject from the form.
        var oneId = original.First(i => i.GetProperty("kind").GetString() == "FillBlank").GetProperty("id").GetGuid();
        var xml = await author.GetByteArrayAsync($"/api/v1/assessment/items/{oneId}/qti");
        var single = await (await ImportAsync(reader, "fill.xml", xml, "junior", "xinxi")).ExpectAsync(HttpStatusCode.OK);
        var again = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/items/{single.GetProperty("ids")[0].GetGuid()}");
        again.GetProperty("stem").GetString().ShouldBe("中国的首都是____，英文缩写 CPU 的中文是____。");
        again.GetProperty("points").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Items_written_in_the_style_of_the_official_QTI_examples_import()
    {
        var school = await SchoolAsync(factory);
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var choice = await (await ImportAsync(teacher, "choice.xml", Fixture("choice.xml"))).ExpectAsync(HttpStatusCode.OK);
        var item = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/items/{choice.GetProperty("ids")[0].GetGuid()}");
        item.GetProperty("kind").GetString().ShouldBe("SingleChoice");
        item.GetProperty("stem").GetString().ShouldBe("Look at the text in the picture.\nWhat does it say?");
        item.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("text").GetString(), o.GetProperty("correct").GetBoolean())).ShouldBe(
            [("You must stay with your luggage at all times.", true), ("Do not let someone else look after your luggage.", false), ("Remember your luggage when you leave.", false)]);
        item.GetProperty("subjectCode").GetString().ShouldBe("yingyu");

        var text = await (await ImportAsync(teacher, "text_entry.xml", Fixture("text_entry.xml"))).ExpectAsync(HttpStatusCode.OK);
        var blank = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/items/{text.GetProperty("ids")[0].GetGuid()}");
        blank.GetProperty("kind").GetString().ShouldBe("FillBlank");
        blank.GetProperty("stem").GetString()!.ShouldContain("Made glorious summer by this sun of ____;");
        blank.GetProperty("blanks")[0].GetProperty("answers").EnumerateArray().Select(a => a.GetString()).ShouldBe(["York", "york"]);
    }

    [Fact]
    public async Task Malformed_or_unsupported_QTI_is_refused_naming_the_file_and_nothing_is_imported()
    {
        var school = await SchoolAsync(factory);
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var order = await (await ImportAsync(teacher, "order.xml", Fixture("order.xml"))).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(order, "file").ShouldContain("order.xml");
        FirstError(order, "file").ShouldContain("<orderInteraction>");

        var broken = await (await ImportAsync(teacher, "broken.xml", Encoding.UTF8.GetBytes("<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\"><itemBody>")))
            .ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(broken, "file").ShouldStartWith("文件 broken.xml 不是格式正确的 XML");
        var dtd = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\">&e;</assessmentItem>";
        FirstError(await (await ImportAsync(teacher, "dtd.xml", Encoding.UTF8.GetBytes(dtd))).ExpectAsync(HttpStatusCode.BadRequest), "file").ShouldContain("dtd.xml");

        // A package whose second item is unsupported imports nothing, not even the good first item.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, byte[] bytes)
            {
                using var s = zip.CreateEntry(path).Open();
                s.Write(bytes);
            }
            Add("imsmanifest.xml", Encoding.UTF8.GetBytes("""
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M1"><organizations/><resources>
                <resource identifier="a" type="imsqti_item_xmlv2p1" href="a/choice.xml"><file href="a/choice.xml"/></resource>
                <resource identifier="b" type="imsqti_item_xmlv2p1" href="b/order.xml"><file href="b/order.xml"/></resource>
                </resources></manifest>
                """));
            Add("a/choice.xml", Fixture("choice.xml"));
            Add("b/order.xml", Fixture("order.xml"));
        }
        var refused = await (await ImportAsync(teacher, "bank.zip", buffer.ToArray())).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(refused, "file").ShouldContain("bank.zip/b/order.xml");
        // An item that breaks the bank's rules is refused the same way (no stage given for a single file).
        var noStage = await (await ImportAsync(teacher, "choice.xml", Fixture("choice.xml"), stage: null)).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(noStage, "file").ShouldBe("文件 choice.xml：请选择学段");
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items")).GetArrayLength().ShouldBe(0);
    }
}
