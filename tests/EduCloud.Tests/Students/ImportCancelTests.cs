using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduCloud.Kernel.Codes;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Tests.Students;

/// <summary>Cancelling a running all-or-nothing import leaves nothing behind: no records, no changes, no census.</summary>
public sealed class ImportCancelTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    /// <summary>Large enough that the import is still running when the cancel arrives, even on a fast idle machine.</summary>
    private const int Rows = 150_000;

    private static byte[] BigCsv()
    {
        var csv = new StringBuilder(Rows * 120);
        csv.Append(string.Join(",", ImportWorld.Headers)).Append("\r\n");
        for (var i = 0; i < Rows; i++)
        {
            // 1,000 birth days x 150 sequence numbers: unique valid IDs; sex and birth date come from the ID.
            var first17 = "520102" + new DateOnly(2014, 1, 1).AddDays(i % 1000).ToString("yyyyMMdd") + (i / 1000).ToString("D3");
            var id = first17 + CitizenId.ComputeCheckCharacter(first17);
            csv.Append(string.Join(",", ImportWorld.Row("学生" + i, id, cls: i % 2 == 0 ? "1班" : "2班"))).Append("\r\n");
        }
        return new UTF8Encoding(true).GetBytes(csv.ToString());
    }

    [Fact]
    public async Task Cancelling_a_running_all_or_nothing_import_leaves_no_rows_and_no_census_change()
    {
        var w = await ImportWorld.CreateAsync(factory);
        var before = await w.DbAsync(db => db.Census.IgnoreQueryFilters().Where(c => c.SchoolId == w.SchoolId).SumAsync(c => c.Students));

        var response = await w.UploadAsync(BigCsv(), "big.csv", "AllOrNothing");
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        JsonElement job;
        do
        {
            await Task.Delay(10);
            job = await w.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/student-imports/{jobId}");
        }
        while (job.GetProperty("status").GetString() == "Queued"
            || (job.GetProperty("status").GetString() == "Running" && job.GetProperty("processed").GetInt32() == 0));
        job.GetProperty("status").GetString().ShouldBe("Running", "the cancel must reach a running import; the file is too small if it already finished");
        var processed = job.GetProperty("processed").GetInt32();

        (await w.Admin.PostAsync($"/api/v1/student-imports/{jobId}/cancel", null)).EnsureSuccessStatusCode();
        var done = await w.WaitAsync(jobId);

        done.GetProperty("status").GetString().ShouldBe("Cancelled", done.ToString());
        processed.ShouldBeGreaterThan(0);
        done.GetProperty("processed").GetInt32().ShouldBeLessThan(Rows, "it stopped part-way");
        (await w.CountAsync()).ShouldBe(0);
        (await w.DbAsync(db => db.StatusChanges.IgnoreQueryFilters().CountAsync(c => c.BatchId == jobId))).ShouldBe(0);
        (await w.DbAsync(db => db.Census.IgnoreQueryFilters().Where(c => c.SchoolId == w.SchoolId).SumAsync(c => c.Students))).ShouldBe(before);
        (await w.DbAsync(db => db.Census.IgnoreQueryFilters().CountAsync(c => c.SchoolId == w.SchoolId))).ShouldBe(0);
    }
}
