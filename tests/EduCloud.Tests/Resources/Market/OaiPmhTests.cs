using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EduCloud.Tests.Resources.Market;

public sealed class OaiPmhTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    internal static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly string[] PrimaryMath = ["小学", "数学", "人教版", "一年级上册", "1 准备课", "数一数"];
    private static readonly string[] JuniorMath = ["初中", "数学", "人教版", "七年级上册", "第一章 有理数", "1.1 正数和负数"];

    /// <summary>The same server and database with two records per page, so a handful of resources spans pages.</summary>
    private WebApplicationFactory<Program> SmallPages() => factory.WithWebHostBuilder(b => b.UseSetting("Resources:OaiPageSize", "2"));

    internal static async Task<XElement> OaiAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/oai?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        OaiSchema.Validate(root);
        return root;
    }

    private static string? ErrorCode(XElement root) => root.Element(Oai + "error")?.Attribute("code")?.Value;

    [Fact]
    public async Task A_harvest_follows_resumption_tokens_across_pages_stays_stable_under_publication_and_sees_takedowns_as_deleted()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await MarketApi.PublishAsync(factory, provider, $"数一数 练习{i}", "Basic", path: PrimaryMath, reviewer: reviewer, admin: admin)).Id);
        }
        using var small = SmallPages();
        using var oai = small.CreateClient();

        // Page 1: two identifiers, a token, the list size and cursor 0.
        var page = await OaiAsync(oai, "verb=ListIdentifiers&metadataPrefix=oai_dc&set=stage:primary:shuxue");
        var headers = page.Descendants(Oai + "header").ToList();
        headers.Count.ShouldBe(2);
        var token = page.Descendants(Oai + "resumptionToken").Single();
        token.Attribute("completeListSize")!.Value.ShouldBe("5");
        token.Attribute("cursor")!.Value.ShouldBe("0");
        headers.ShouldAllBe(h => h.Elements(Oai + "setSpec").Any(s => s.Value == "stage:primary:shuxue"));

        // A resource published mid-harvest joins the end of the list; nothing is repeated or skipped.
        var late = (await MarketApi.PublishAsync(factory, provider, "数一数 新发布", "Basic", path: PrimaryMath, reviewer: reviewer, admin: admin)).Id;
        var seen = headers.Select(h => h.Element(Oai + "identifier")!.Value).ToList();
        var cursors = new List<string> { "0" };
        while (token.Value.Length > 0)
        {
            page = await OaiAsync(oai, "verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token.Value));
            seen.AddRange(page.Descendants(Oai + "header").Select(h => h.Element(Oai + "identifier")!.Value));
            token = page.Descendants(Oai + "resumptionToken").Single();
            cursors.Add(token.Attribute("cursor")!.Value);
        }
        cursors.ShouldBe(["0", "2", "4"]);
        seen.Count.ShouldBe(6);
        seen.Distinct().Count().ShouldBe(6);
        seen.ShouldBe(ids.Append(late).Select(id => $"oai:educloud.local:{id}").ToList(), ignoreOrder: false);

        // A takedown becomes a deleted record (header only) with a fresh datestamp; GetRecord says the same.
        // Wait for the next whole second so "from" (seconds granularity) separates the takedown from the publications.
        await Task.Delay(1050 - DateTime.UtcNow.Millisecond);
        var before = DateTime.UtcNow;
        var detail = await provider.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/resources/{ids[1]}");
        await ResourceApi.TakenAsync(admin, ResourceApi.LatestVersionId(detail), "TakeDown", "版权争议");
        var since = before.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var changed = await OaiAsync(oai, $"verb=ListRecords&metadataPrefix=lom&set=stage:primary&from={since}");
        var records = changed.Descendants(Oai + "record").ToList();
        records.Count.ShouldBe(1);
        records[0].Element(Oai + "header")!.Attribute("status")!.Value.ShouldBe("deleted");
        records[0].Element(Oai + "metadata").ShouldBeNull();
        var got = await OaiAsync(oai, $"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:educloud.local:{ids[1]}");
        got.Descendants(Oai + "header").Single().Attribute("status")!.Value.ShouldBe("deleted");

        // from/until select by datestamp, both inclusive, at seconds and at day granularity.
        var all = (await HarvestAllAsync(oai, "verb=ListIdentifiers&metadataPrefix=oai_dc&set=stage:primary:shuxue"))
            .Select(h => (Id: h.Element(Oai + "identifier")!.Value, At: h.Element(Oai + "datestamp")!.Value)).ToList();
        all.Count.ShouldBe(6);
        var pivot = all[2].At;
        (await HarvestAllAsync(oai, $"verb=ListIdentifiers&metadataPrefix=oai_dc&set=stage:primary:shuxue&from={pivot}")).Count
            .ShouldBe(all.Count(x => string.CompareOrdinal(x.At, pivot) >= 0));
        (await HarvestAllAsync(oai, $"verb=ListIdentifiers&metadataPrefix=oai_dc&set=stage:primary:shuxue&until={pivot}")).Count
            .ShouldBe(all.Count(x => string.CompareOrdinal(x.At, pivot) <= 0));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        (await HarvestAllAsync(oai, $"verb=ListIdentifiers&metadataPrefix=oai_dc&set=stage:primary:shuxue&from={today}&until={today}")).Count.ShouldBe(6);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        ErrorCode(await OaiAsync(oai, $"verb=ListIdentifiers&metadataPrefix=oai_dc&set=stage:primary:shuxue&until={yesterday}")).ShouldBe("noRecordsMatch");

        // An independent client library harvests the same set over real HTTP, following the tokens itself.
        if (!OaiHarvester.Available && Environment.GetEnvironmentVariable("CI") is null)
        {
            return; // apt-get install libhttp-oai-perl (test.sh does); CI fails below instead of skipping.
        }
        using var relay = new HttpRelay(oai);
        var (exit, output, errors) = await OaiHarvester.HarvestAsync($"http://127.0.0.1:{relay.Port}/oai", "stage:primary:shuxue");
        exit.ShouldBe(0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        lines[0][0].ShouldBe("IDENTIFY");
        lines[0][2].ShouldBe("YYYY-MM-DDThh:mm:ssZ");
        var harvested = lines.Where(l => l[0] == "RECORD").ToList();
        string.Join(",", harvested.Select(l => l[1]).Order()).ShouldBe(string.Join(",", all.Select(x => x.Id).Order()), output + errors);
        harvested.Single(l => l[3] == "deleted")[1].ShouldBe($"oai:educloud.local:{ids[1]}");
        harvested.Single(l => l[1] == $"oai:educloud.local:{late}")[4].ShouldBe("数一数 新发布");
        relay.Requests.ShouldBeGreaterThanOrEqualTo(4); // Identify + three pages of two
    }

    private static async Task<List<XElement>> HarvestAllAsync(HttpClient oai, string query)
    {
        var result = new List<XElement>();
        var verb = query.Split('&')[0];
        var page = await OaiAsync(oai, query);
        while (true)
        {
            result.AddRange(page.Descendants(Oai + "header"));
            var token = page.Descendants(Oai + "resumptionToken").SingleOrDefault();
            if (token is null || token.Value.Length == 0)
            {
                return result;
            }
            page = await OaiAsync(oai, $"{verb}&resumptionToken={Uri.EscapeDataString(token.Value)}");
        }
    }

    [Fact]
    public async Task Every_protocol_error_has_its_own_code()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var (id, _) = await MarketApi.PublishAsync(factory, provider, "有理数 导学案", "Basic", path: JuniorMath);
        using var oai = factory.CreateClient();
        var cases = new (string Query, string Code)[]
        {
            ("", "badVerb"),
            ("verb=Harvest", "badVerb"),
            ("verb=Identify&verb=ListSets", "badVerb"),
            ("verb=Identify&extra=1", "badArgument"),
            ("verb=ListRecords", "badArgument"),
            ("verb=GetRecord&metadataPrefix=oai_dc", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=lom", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&from=2026-13-45", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-12-31T00:00:00Z", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&from=2026-12-31&until=2026-01-01", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument"),
            ("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken"),
            ("verb=ListIdentifiers&resumptionToken=MXxveHw", "badResumptionToken"),
            ("verb=ListSets&resumptionToken=abc", "badResumptionToken"),
            ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
            ($"verb=GetRecord&metadataPrefix=marc21&identifier=oai:educloud.local:{id}", "cannotDisseminateFormat"),
            ($"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:educloud.local:{Guid.NewGuid()}", "idDoesNotExist"),
            ("verb=GetRecord&metadataPrefix=oai_dc&identifier=nonsense", "idDoesNotExist"),
            ("verb=ListMetadataFormats&identifier=oai:other.org:1", "idDoesNotExist"),
            ("verb=ListRecords&metadataPrefix=oai_dc&set=stage:senior:lishi", "noRecordsMatch"),
            ("verb=ListRecords&metadataPrefix=oai_dc&set=colour:blue", "noRecordsMatch"),
            ("verb=ListRecords&metadataPrefix=oai_dc&from=2100-01-01", "noRecordsMatch"),
        };
        foreach (var (query, code) in cases)
        {
            var root = await OaiAsync(oai, query);
            ErrorCode(root).ShouldBe(code, query);
            root.Element(Oai + "error")!.Value.ShouldNotBeNullOrWhiteSpace();
            var request = root.Element(Oai + "request")!;
            if (code is "badVerb" or "badArgument")
            {
                request.Attributes().ShouldBeEmpty(query);
            }
            root.Elements().Count(e => e.Name.Namespace == Oai && e.Name.LocalName.StartsWith("List", StringComparison.Ordinal)).ShouldBe(0);
        }

        // The answers without errors.
        var identify = (await OaiAsync(oai, "verb=Identify")).Element(Oai + "Identify")!;
        identify.Element(Oai + "protocolVersion")!.Value.ShouldBe("2.0");
        identify.Element(Oai + "deletedRecord")!.Value.ShouldBe("persistent");
        identify.Element(Oai + "baseURL")!.Value.ShouldEndWith("/oai");
        var formats = (await OaiAsync(oai, $"verb=ListMetadataFormats&identifier=oai:educloud.local:{id}")).Descendants(Oai + "metadataPrefix").Select(p => p.Value);
        formats.ShouldBe(["oai_dc", "lom"]);
        var sets = (await OaiAsync(oai, "verb=ListSets")).Descendants(Oai + "set").ToDictionary(s => s.Element(Oai + "setSpec")!.Value, s => s.Element(Oai + "setName")!.Value);
        sets["stage:primary"].ShouldBe("小学");
        sets["stage:junior:shuxue"].ShouldBe("初中数学");
        // POST with a form body works like GET.
        var posted = await oai.PostAsync("/oai", new FormUrlEncodedContent(new Dictionary<string, string> { ["verb"] = "GetRecord", ["metadataPrefix"] = "oai_dc", ["identifier"] = $"oai:educloud.local:{id}" }));
        var record = XDocument.Parse(await posted.Content.ReadAsStringAsync()).Root!;
        record.Descendants(Dc + "title").First().Value.ShouldBe("有理数 导学案");
    }

    [Fact]
    public async Task A_resource_exports_as_dublin_core_and_as_the_lom_profile()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var (id, _) = await MarketApi.PublishAsync(factory, provider, "正数和负数 课件", "Personalised", 990, 1, JuniorMath);
        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;

        var dc = XDocument.Parse(await teacher.GetStringAsync($"/api/v1/resources/{id}/metadata?format=oai_dc")).Root!;
        dc.Name.ShouldBe(XName.Get("dc", "http://www.openarchives.org/OAI/2.0/oai_dc/"));
        dc.Element(Dc + "title")!.Value.ShouldBe("正数和负数 课件");
        dc.Element(Dc + "type")!.Value.ShouldBe("课件");
        dc.Element(Dc + "rights")!.Value.ShouldContain("¥9.90");

        XNamespace lom = "http://ltsc.ieee.org/xsd/LOM";
        var doc = XDocument.Parse(await teacher.GetStringAsync($"/api/v1/resources/{id}/metadata?format=lom")).Root!;
        doc.Name.ShouldBe(lom + "lom");
        foreach (var part in new[] { "general", "lifeCycle", "technical", "educational", "rights", "classification" })
        {
            doc.Element(lom + part).ShouldNotBeNull(part);
        }
        var type = doc.Element(lom + "educational")!.Element(lom + "learningResourceType")!;
        type.Element(lom + "source")!.Value.ShouldBe("CELTS-41");
        type.Element(lom + "value")!.Value.ShouldBe("courseware");
        doc.Element(lom + "rights")!.Element(lom + "cost")!.Element(lom + "value")!.Value.ShouldBe("yes");
        doc.Descendants(lom + "taxon").Select(t => t.Element(lom + "entry")!.Value).ShouldBe(JuniorMath);

        (await teacher.GetAsync($"/api/v1/resources/{id}/metadata?format=marc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await teacher.GetAsync($"/api/v1/resources/{Guid.NewGuid()}/metadata")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
