using System.Globalization;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Identity.Features.Assignments;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;

namespace EduCloud.Server.Demo;

/// <summary>
/// The people of the demo province: the named demo accounts, about 200 teachers, a student account per seat and their
/// parents (some with two children). Names are drawn from common surnames and given-name characters; citizen IDs are
/// valid GB 11643 numbers with the county's region prefix, a birth date that fits the grade, and a computed check character.
/// </summary>
internal sealed class DemoPeople(Random random)
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔向汤杨吴龙";
    private const string BoyChars = "浩宇轩子涵博文杰俊泽辰睿鹏航志强伟明军磊勇毅峰翔宏晨昊天然鑫凯阳";
    private const string GirlChars = "欣怡梓涵雨萱诗琪思语佳慧婷悦彤可馨若汐晓雪梦瑶丽芳静雅琳颖洁";
    private static readonly string[] Subjects = ["语文", "数学", "英语", "科学", "道德与法治", "体育", "音乐", "美术"];

    private readonly HashSet<string> _usedIds = [];
    private readonly List<ImportAccounts.Row> _rows = [];

    public IReadOnlyList<ImportAccounts.Row> Rows => _rows;

    /// <summary>Each student account's row and seat, for the student status records (学籍) made from them.</summary>
    public List<(ImportAccounts.Row Row, DemoClass Seat)> StudentSeats { get; } = [];

    /// <summary>Each teacher account's row, school, classes and subject, for the teacher records (教师档案) made from them.</summary>
    public List<(ImportAccounts.Row Row, Organization.Domain.School School, List<DemoClass> Classes, string Subject)> TeacherSeats { get; } = [];

    public int Teachers { get; private set; }

    public int Students { get; private set; }

    public int Parents { get; private set; }

    public void Build(DemoTree tree)
    {
        var first = tree.Schools.First(s => s.CountyCode == "520102");
        var firstClasses = tree.Classes.Where(c => c.School.Id == first.Id).OrderBy(c => c.SchoolYear).ThenBy(c => c.Class.Number).ToList();
        AddNamed("national_admin", "国家管理员", "110105", new RoleNode(Role.NationalAdmin, null, null, null, null));
        AddNamed("gz_admin", "贵州省管理员", "520102", new RoleNode(Role.ProvinceAdmin, "520000", null, null, null));
        AddNamed("gy_admin", "贵阳市管理员", "520102", new RoleNode(Role.CityAdmin, "520100", null, null, null));
        AddNamed("nm_admin", "南明区管理员", "520102", new RoleNode(Role.CountyAdmin, "520102", null, null, null));
        AddNamed("school_admin", first.Name + "管理员", "520102", new RoleNode(Role.SchoolAdmin, null, first.Id, null, null));
        AddNamed("teacher", "李老师", "520102",
            new RoleNode(Role.Teacher, null, null, firstClasses[0].Class.Id, "语文"), new RoleNode(Role.Teacher, null, null, firstClasses[1].Class.Id, "语文"));
        TeacherSeats.Add((_rows[^1], first, [firstClasses[0], firstClasses[1]], "语文"));
        AddNamed("reviewer", "资源审核员", "520103", new RoleNode(Role.ResourceReviewer, "520000", null, null, null));
        AddNamed("provider", "资源提供商联系人", "110108", new RoleNode(Role.ResourceProvider, null, null, null, null));
        var student = Student("student", firstClasses[0]);
        var sibling = Student("student_sibling", firstClasses.First(c => c.SchoolYear == 3));
        AddNamed("parent", Surname(student.DisplayName!) + "家长", "520102", [new RoleNode(Role.Parent, null, null, null, null)], [student.UserName!, sibling.UserName!], "父亲");

        AddTeachers(tree);
        AddStudentsAndParents(tree, skip: new Dictionary<Guid, int> { [firstClasses[0].Class.Id] = 1, [firstClasses.First(c => c.SchoolYear == 3).Class.Id] = 1 });
    }

    private void AddTeachers(DemoTree tree)
    {
        var totalClasses = tree.Classes.Count;
        foreach (var school in tree.Schools)
        {
            var classes = tree.Classes.Where(c => c.School.Id == school.Id).ToList();
            var count = Math.Clamp((int)Math.Round(classes.Count * 200.0 / totalClasses), 2, classes.Count);
            for (var t = 0; t < count; t++)
            {
                // Round-robin: each teacher is head teacher of one class and may teach a second one.
                var own = classes.Where((_, i) => i % count == t).Take(2).ToList();
                var subject = Subjects[random.Next(Subjects.Length)];
                var nodes = own.Select(c => new RoleNode(Role.Teacher, null, null, c.Class.Id, subject)).ToArray();
                var sex = random.Next(3) == 0 ? Sex.Male : Sex.Female;
                Teachers++;
                var row = Add($"t{Teachers:D5}", Name(sex, adult: true), Id(school.CountyCode, Birth(1970, 1998), sex), Phone(), nodes);
                TeacherSeats.Add((row, school, own, subject));
            }
        }
    }

    private void AddStudentsAndParents(DemoTree tree, Dictionary<Guid, int> skip)
    {
        ImportAccounts.Row? waiting = null;
        foreach (var cls in tree.Classes)
        {
            for (var i = skip.GetValueOrDefault(cls.Class.Id); i < cls.Students; i++)
            {
                var child = Student($"s{Students + 1:D6}", cls);
                // About one parent in twelve has a second child at school; the parent of the first waits for the second.
                if (waiting is null && random.Next(12) == 0)
                {
                    waiting = child;
                    continue;
                }
                var children = waiting is null ? new[] { child.UserName! } : [waiting.UserName!, child.UserName!];
                waiting = null;
                var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
                Parents++;
                var name = sex == Sex.Male ? Surname(child.DisplayName!) + Given(sex) : Name(sex, adult: true);
                Add($"p{Parents:D6}", name, Id(cls.School.CountyCode, Birth(1976, 1994), sex), Phone(),
                    [new RoleNode(Role.Parent, null, null, null, null)], children, sex == Sex.Male ? "父亲" : "母亲");
            }
        }
    }

    private ImportAccounts.Row Student(string userName, DemoClass cls)
    {
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        // School year n (1 = 一年级) starts school at six: born between 1 September 2020-n and 31 August 2021-n.
        var birth = new DateOnly(2020 - cls.SchoolYear, 9, 1).AddDays(random.Next(365));
        Students++;
        var row = Add(userName, Name(sex, adult: false), Id(cls.School.CountyCode, birth, sex), null, [new RoleNode(Role.Student, null, null, cls.Class.Id, null)]);
        StudentSeats.Add((row, cls));
        return row;
    }

    private void AddNamed(string userName, string displayName, string county, params RoleNode[] nodes) =>
        AddNamed(userName, displayName, county, nodes, null, null);

    private void AddNamed(string userName, string displayName, string county, RoleNode[] nodes, string[]? children, string? relation)
    {
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        Add(userName, displayName, Id(county, Birth(1975, 1995), sex), Phone(), nodes, children, relation);
    }

    private ImportAccounts.Row Add(string userName, string name, string citizenId, string? phone, RoleNode[] nodes, string[]? children = null, string? relation = null)
    {
        var row = new ImportAccounts.Row(userName, name, citizenId, phone, nodes, children, relation);
        _rows.Add(row);
        return row;
    }

    private string Id(string county, DateOnly birth, Sex sex)
    {
        while (true)
        {
            var sequence = random.Next(0, 1000);
            if (sequence % 2 == 1 != (sex == Sex.Male))
            {
                sequence = (sequence + 1) % 1000;
            }
            var first17 = county + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
            if (_usedIds.Add(first17))
            {
                return first17 + CitizenId.ComputeCheckCharacter(first17);
            }
        }
    }

    private DateOnly Birth(int fromYear, int toYear) => new DateOnly(fromYear, 1, 1).AddDays(random.Next((toYear - fromYear) * 365));

    private string Phone() => "1" + "35789"[random.Next(5)] + random.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    private string Name(Sex sex, bool adult) => Surnames[random.Next(Surnames.Length)] + Given(sex, adult);

    private string Given(Sex sex, bool adult = true)
    {
        var chars = sex == Sex.Male ? BoyChars : GirlChars;
        // Children are more often given two characters than their parents were.
        var two = random.Next(10) < (adult ? 5 : 8);
        return two ? string.Concat(chars[random.Next(chars.Length)], chars[random.Next(chars.Length)]) : chars[random.Next(chars.Length)].ToString();
    }

    private static string Surname(string name) => name[..1];
}
