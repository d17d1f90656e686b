using System.Security.Cryptography;
using System.Text;
using EduCloud.Kernel.Scope;

namespace EduCloud.Bench.Dataset;

/// <summary>A county (区县) the generator spreads schools over, from the real org_region table.</summary>
internal sealed record County(string Code, string Name);

internal sealed record SchoolRow(Guid Id, string Code, string Name, string TypeCode, int Stages, int UrbanRural, County County, string Address, bool Retired);

/// <summary>A county administrator the load driver signs in as (a real PBKDF2 password hash, a real role assignment).</summary>
internal sealed record AdminRow(Guid Id, string UserName, string County, string PasswordHash);

/// <summary>
/// Deterministic synthetic rows. Personal-data columns hold placeholders of realistic length (Data Protection
/// ciphertext is ~150 characters); the look-up hashes are real HMAC-shaped hex and unique, as the unique index demands.
/// </summary>
internal static class SyntheticRows
{
    public static readonly DateTime Created = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华"];
    // Type code, stages (StageSet flags), share of schools in percent; roughly the national mix.
    private static readonly (string Type, int Stages, string Suffix, int Share)[] Types =
        [("11", 1, "幼儿园", 30), ("21", 2, "小学", 40), ("31", 4, "中学", 15), ("34", 8, "高级中学", 6), ("21", 6, "九年一贯制学校", 5), ("36", 16, "职业学校", 3), ("51", 64, "特殊教育学校", 1)];
    private static readonly string Filler = Convert.ToBase64String(RandomNumberGenerator.GetBytes(6144)).Replace('+', '-').Replace('/', '_');
    private static readonly byte[] HashSalt = RandomNumberGenerator.GetBytes(16);

    public static SchoolRow[] BuildSchools(IReadOnlyList<County> counties, int count, int seed = 2026)
    {
        var random = new Random(seed);
        var serials = new Dictionary<string, int>();
        var perCounty = new int[counties.Count];
        var schools = new SchoolRow[count];
        for (var i = 0; i < count; i++)
        {
            var countyIndex = random.Next(counties.Count);
            var county = counties[countyIndex];
            var type = PickType(random.Next(100));
            // 学校标识码 AABBCCCCCC: type digits, then the province digits of the region, then a serial.
            var prefix = type.Type + county.Code[..2];
            var serial = serials.GetValueOrDefault(prefix) + 1;
            serials[prefix] = serial;
            var n = ++perCounty[countyIndex];
            schools[i] = new SchoolRow(
                Guid.CreateVersion7(Created.AddSeconds(i)),
                prefix + serial.ToString("D6"),
                $"{county.Name}第{n}{type.Suffix}",
                type.Type,
                type.Stages,
                1 + random.Next(3),
                county,
                $"{county.Name}教育路{random.Next(1, 999)}号",
                Retired: random.Next(100) == 0);
        }
        return schools;
    }

    private static (string Type, int Stages, string Suffix, int Share) PickType(int percent)
    {
        foreach (var t in Types)
        {
            if (percent < t.Share)
            {
                return t;
            }
            percent -= t.Share;
        }
        return Types[1];
    }

    public static void FillSchool(SchoolRow s, object?[] v)
    {
        v[0] = s.Id; v[1] = s.Code; v[2] = s.Name; v[3] = s.TypeCode; v[4] = s.Stages; v[5] = s.UrbanRural;
        v[6] = s.County.Code; v[7] = s.Address;
        FillScope(v, 8, s.County.Code, s.Id);
        v[13] = Created; v[14] = Created; v[15] = s.Retired ? Created.AddDays(30) : null;
    }

    /// <summary>Account j belongs to school j mod n, with its scope columns set to that school (as CreateAccount places it).</summary>
    public static void FillAccount(int j, SchoolRow school, string passwordHash, object?[] v)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(j * 7919 % 20000);
        var name = Surnames[j % Surnames.Length] + Given[j / 7 % Given.Length] + (j % 3 == 0 ? "" : Given[j / 11 % Given.Length]);
        v[0] = Guid.CreateVersion7(Created.AddMilliseconds(j));
        v[1] = "u" + j.ToString("D8");
        v[2] = "U" + j.ToString("D8");
        v[3] = name;
        v[4] = Cipher(j, 150);
        v[5] = Hash("id", j);
        v[6] = string.Concat(school.County.Code.AsSpan(0, 4), "************", (j % 100).ToString("D2"));
        v[7] = Cipher(j + 1, 138);
        v[8] = Hash("phone", j);
        v[9] = "138****" + (j % 10000).ToString("D4");
        v[10] = 1 + j % 2;
        v[11] = birth;
        v[12] = passwordHash;
        v[13] = false;
        v[14] = 0;
        v[15] = null;
        v[16] = Guid.NewGuid().ToString("N");
        v[17] = Created; v[18] = Created; v[19] = null;
        FillScope(v, 20, school.County.Code, school.Id);
    }

    public static void FillAdmin(AdminRow a, object?[] v)
    {
        v[0] = a.Id; v[1] = a.UserName; v[2] = a.UserName.ToUpperInvariant(); v[3] = "县级管理员" + a.County;
        v[4] = Cipher(7, 150); v[5] = Hash("admin", a.County.GetHashCode()); v[6] = a.County[..4] + "************01";
        v[7] = null; v[8] = null; v[9] = null; v[10] = 1; v[11] = new DateOnly(1980, 1, 1); v[12] = a.PasswordHash;
        v[13] = false; v[14] = 0; v[15] = null; v[16] = Guid.NewGuid().ToString("N"); v[17] = Created; v[18] = Created; v[19] = null;
        FillScope(v, 20, a.County, null);
    }

    public static void FillAssignment(AdminRow a, object?[] v)
    {
        v[0] = Guid.CreateVersion7(); v[1] = a.Id; v[2] = (int)Role.CountyAdmin; v[3] = a.County; v[4] = null; v[5] = Created;
        FillScope(v, 6, a.County, null);
    }

    private static void FillScope(object?[] v, int at, string county, Guid? schoolId)
    {
        v[at] = county[..2] + "0000";
        v[at + 1] = county[..4] + "00";
        v[at + 2] = county;
        v[at + 3] = schoolId;
        v[at + 4] = null;
    }

    private static string Cipher(int j, int length) =>
        string.Concat("CfDJ8", Filler.AsSpan(j * 131 % (Filler.Length - length), length - 5));

    private static string Hash(string kind, int j)
    {
        Span<byte> input = stackalloc byte[32];
        HashSalt.CopyTo(input);
        BitConverter.TryWriteBytes(input[16..], j);
        Encoding.ASCII.GetBytes(kind.AsSpan(0, Math.Min(kind.Length, 12)), input[20..]);
        return Convert.ToHexString(SHA256.HashData(input));
    }
}
