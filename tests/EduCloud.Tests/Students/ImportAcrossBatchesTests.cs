using System.Text;
using EduCloud.Kernel.Privacy;
using EduCloud.Students.Features.Import;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

/// <summary>
/// The import's look-ups run ahead of the writer on a connection of their own, so they read the database as it was
/// before the import (ADR 0034). A re-upload that gives a student another citizen ID, followed a batch later by a new
/// student with the old ID, must come out as it would if each batch saw the earlier ones written.
/// </summary>
public sealed class ImportAcrossBatchesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly DateOnly FirstBirth = new(2016, 10, 1);

    [Fact]
    public async Task An_id_freed_by_an_update_in_one_batch_is_a_new_student_in_a_later_batch()
    {
        var w = await ImportWorld.CreateAsync(factory);
        var oldId = ImportWorld.Id(FirstBirth, true);
        // A temporary number (L + region + birth date + 4 digits): a G number is the ID itself and could not keep it.
        const string number = "L520102201610010001";
        var first = await w.ImportAsync(Csv([ImportWorld.Row("甲", oldId, number: number)]), "first.csv", "AllOrNothing");
        first.GetProperty("status").GetString().ShouldBe("Succeeded", first.ToString());

        // Row 2 updates 甲 to a new ID; a full batch of new students follows; the last row (next batch) is 乙 with 甲's old ID.
        var newId = ImportWorld.Id(FirstBirth.AddDays(1), true);
        var rows = new List<string[]> { ImportWorld.Row("甲", newId, number: number) };
        for (var i = 0; i < ReadClassList.BatchSize; i++)
        {
            rows.Add(ImportWorld.Row("新" + i, ImportWorld.Id(FirstBirth.AddDays(2 + i % 365), i % 2 == 0)));
        }
        rows.Add(ImportWorld.Row("乙", oldId));
        var second = await w.ImportAsync(Csv(rows), "second.csv", "AllOrNothing");

        second.GetProperty("status").GetString().ShouldBe("Succeeded", second.ToString());
        second.GetProperty("updated").GetInt32().ShouldBe(1);
        second.GetProperty("imported").GetInt32().ShouldBe(ReadClassList.BatchSize + 1);
        var hashes = await factory.AsPlatformAsync(async sp =>
        {
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            var db = sp.GetRequiredService<EduCloud.Students.Data.StudentsDbContext>();
            var named = await db.Students.IgnoreQueryFilters().Where(s => s.SchoolId == w.SchoolId && (s.Name == "甲" || s.Name == "乙"))
                .ToDictionaryAsync(s => s.Name, s => s.CitizenIdHash);
            return (named, Old: protector.Hash(oldId), New: protector.Hash(newId));
        });
        hashes.named["甲"].ShouldBe(hashes.New);
        hashes.named["乙"].ShouldBe(hashes.Old);
        (await w.CountAsync()).ShouldBe(ReadClassList.BatchSize + 2);
    }

    private static byte[] Csv(IEnumerable<string[]> rows) =>
        Encoding.UTF8.GetBytes(string.Join("\n", new[] { ImportWorld.Headers }.Concat(rows).Select(r => string.Join(",", r))) + "\n");
}
