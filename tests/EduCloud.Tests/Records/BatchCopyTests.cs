using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Records;

/// <summary>
/// A batch goes to PostgreSQL as binary COPY data laid out by hand (CopyRows) with each statement's JSON kept as
/// UTF-8 bytes, and to SQLite through prepared INSERTs: what the tables hold afterwards must be, column for column,
/// what the statements say (nulls, non-ASCII text, the JSON's bytes, the links). On SQLite and PostgreSQL
/// (EDUCLOUD_TEST_POSTGRES).
/// </summary>
public sealed class BatchCopyTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_stored_batch_reads_back_column_for_column()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        // PlainBatchShapeTests' statements (Chinese text, an emoji, escapes, a registration, a StatementRef, a
        // sub-statement, groups), the given id made fresh so the test can run again on the same database.
        var texts = PlainBatchShapeTests.Statements.Select(t => t.Replace("9A6E4C52-6A9B-4E7A-8A3B-2F1C0D4E5F60", Guid.NewGuid().ToString().ToUpperInvariant())).ToList();
        var response = await lrs.PostAsync("/xapi/statements", new StringContent("[" + string.Join(",", texts) + "]", System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(i => Guid.Parse((string)i!)).ToList();
        ids.Count.ShouldBe(texts.Count);

        var (rows, links) = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<RecordsDbContext>();
            var rows = await db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync();
            var links = await db.Links.AsNoTracking().Where(l => ids.Contains(l.StatementId)).ToListAsync();
            return (rows, links);
        });
        rows.Count.ShouldBe(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var sent = JsonDocument.Parse(texts[i]).RootElement;
            var row = rows.Single(r => r.Id == ids[i]);
            var type = ElementShape.ObjectType(ElementShape.Property(sent, "object"));
            row.VerbId.ShouldBe(ElementShape.Text(ElementShape.Property(sent, "verb"), "id"));
            row.ActorKey.ShouldBe(ElementShape.IfiKey(ElementShape.Property(sent, "actor")) ?? "");
            row.ActivityId.ShouldBe(type == "Activity" ? ElementShape.Text(ElementShape.Property(sent, "object"), "id") : null);
            row.Registration.ShouldBe(ElementShape.Text(ElementShape.Property(sent, "context"), "registration") is { } r ? Guid.Parse(r) : null);
            row.TargetId.ShouldBe(type == "StatementRef" ? Guid.Parse(ElementShape.Text(ElementShape.Property(sent, "object"), "id")!) : null);
            row.SubmittedHash.ShouldBe(ElementShape.SubmittedHash(sent, ids[i].ToString()));
            (row.IsVoiding, row.Voided).ShouldBe((false, false));

            // The JSON as stored: what the LRS returns, with every property the client sent, byte for byte in its values.
            var stored = JsonNode.Parse(row.Json)!.AsObject();
            ((string?)stored["id"]).ShouldBe(ids[i].ToString());
            foreach (var p in sent.EnumerateObject().Where(p => p.Name is not ("id" or "stored" or "authority")))
            {
                stored[p.Name]!.ToJsonString().ShouldBe(JsonNode.Parse(p.Value.GetRawText())!.ToJsonString(), p.Name);
            }
            var fetched = await lrs.GetJsonAsync($"/xapi/statements?statementId={ids[i]}");
            fetched.ToJsonString().ShouldBe(stored.ToJsonString());

            // Links: exactly the statement's own (kind, key, primary) as key hashes, each with the row's Stored and verb hash;
            // the writer's authority is not a link (the row's WrittenBy stands for it, ADR 0043). The row's verb hash is its verb's.
            row.VerbHash.ShouldBe(VerbHash.Of(row.VerbId));
            var own = ElementShape.Links(sent).Select(l => (KeyHash.Of(l.Kind, l.Key), l.Primary)).ToList();
            var mine = links.Where(l => l.StatementId == row.Id).ToList();
            mine.Select(l => (l.KeyHash, l.Primary)).OrderBy(l => l).ShouldBe(own.OrderBy(l => l));
            mine.ShouldAllBe(l => l.Stored == row.Stored && l.VerbHash == VerbHash.Of(row.VerbId));
            var authority = JsonNode.Parse(row.Json)!["authority"]!.AsObject();
            var authorityKey = KeyHash.Of(LinkKind.Agent, StatementShape.IfiKey(authority)!);
            mine.ShouldNotContain(l => l.KeyHash == authorityKey); // the statements never name the tool's own account
            row.WrittenBy.ShouldNotBe(Guid.Empty);
        }
    }
}
