using System.Text.Json;
using EduCloud.Students.Domain;
using EduCloud.Students.Features.Import;

namespace EduCloud.Tests.Students;

/// <summary>The guardians column the bulk writer writes by hand must be what EF's JSON mapping (JsonSerializer) wrote.</summary>
public sealed class BulkColumnsTests
{
    private static string Serialized(List<Guardian> guardians) =>
        JsonSerializer.Serialize(guardians.Select(g => new { g.AccountId, g.Name, g.PhoneCipher, g.PhoneMasked, g.Relation }));

    public static TheoryData<string> Cases => ["none", "one", "nulls", "two"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_guardians_json_matches_the_serializer(string which)
    {
        List<Guardian> guardians = which switch
        {
            "none" => [],
            "one" => [new Guardian { Name = "张 三\"", Relation = "父亲", PhoneCipher = "pd1.abc-_", PhoneMasked = "138****8000" }],
            "nulls" => [new Guardian { Name = "", Relation = "" }],
            _ => [new Guardian { Name = "李四<>&", Relation = "母亲", AccountId = Guid.CreateVersion7() }, new Guardian { Name = "\\\t", Relation = "祖父母" }],
        };

        BulkColumns.GuardiansJson(guardians).ShouldBe(Serialized(guardians));
        // Twice: the writer is reused, and must not carry the last value over.
        BulkColumns.GuardiansJson(guardians).ShouldBe(Serialized(guardians));
    }
}
