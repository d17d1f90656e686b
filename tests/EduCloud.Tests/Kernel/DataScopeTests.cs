using EduCloud.Kernel.Scope;

namespace EduCloud.Tests.Kernel;

/// <summary>
/// The read and manage rules of <see cref="DataScope"/> for each kind of assignment: province, city, county,
/// school, class (teacher) and read-only region (reviewer). Rows are placed at the nodes they sit under.
/// </summary>
public sealed class DataScopeTests
{
    private static readonly Guid NanmingSchool = Guid.NewGuid();
    private static readonly Guid NanmingClass = Guid.NewGuid();
    private static readonly Guid YunyanSchool = Guid.NewGuid();

    private static readonly ScopeKey NanmingClassRow = new("520000", "520100", "520102", NanmingSchool, NanmingClass);
    private static readonly ScopeKey NanmingSchoolRow = new("520000", "520100", "520102", NanmingSchool, null);
    private static readonly ScopeKey NanmingCountyRow = new("520000", "520100", "520102", null, null);
    private static readonly ScopeKey YunyanSchoolRow = new("520000", "520100", "520103", YunyanSchool, null);
    private static readonly ScopeKey ZunyiRow = new("520000", "520300", "520302", Guid.NewGuid(), null);
    private static readonly ScopeKey BeijingRow = new("110000", "110100", "110105", Guid.NewGuid(), null);
    private static readonly ScopeKey RootRow = new("", "", "", null, null);

    public static TheoryData<string, string, bool, bool> Cases() => new()
    {
        // scope, row, can read, can manage
        { "province", "nanming-class", true, true },
        { "province", "zunyi", true, true },
        { "province", "beijing", false, false },
        { "province", "root", false, false },
        { "city", "nanming-school", true, true },
        { "city", "yunyan-school", true, true },
        { "city", "zunyi", false, false },
        { "county", "nanming-county", true, true },
        { "county", "nanming-class", true, true },
        { "county", "yunyan-school", false, false },
        { "school", "nanming-school", true, true },
        { "school", "nanming-class", true, true },
        { "school", "nanming-county", false, false },
        { "school", "yunyan-school", false, false },
        { "teacher", "nanming-class", true, false },
        { "teacher", "nanming-school", false, false },
        { "teacher", "yunyan-school", false, false },
        { "reviewer", "nanming-class", true, false },
        { "reviewer", "zunyi", true, false },
        { "reviewer", "beijing", false, false },
        { "nobody", "nanming-class", false, false },
        { "nobody", "root", false, false },
        { "system", "beijing", true, true },
        { "system", "root", true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_and_manage_follow_the_assignment(string scope, string row, bool canRead, bool canManage)
    {
        var dataScope = ScopeFor(scope);
        var key = Row(row);

        dataScope.CanRead(key).ShouldBe(canRead, $"{scope} reading {row}");
        dataScope.CanManage(key).ShouldBe(canManage, $"{scope} managing {row}");
    }

    [Fact]
    public void Only_scopes_with_a_managed_node_manage_anything()
    {
        ScopeFor("county").ManagesAnything.ShouldBeTrue();
        ScopeFor("school").ManagesAnything.ShouldBeTrue();
        DataScope.System.ManagesAnything.ShouldBeTrue();
        ScopeFor("teacher").ManagesAnything.ShouldBeFalse();
        ScopeFor("reviewer").ManagesAnything.ShouldBeFalse();
        DataScope.Nobody.ManagesAnything.ShouldBeFalse();
    }

    [Fact]
    public void An_empty_code_in_a_row_does_not_match_an_assignment_elsewhere()
    {
        // A school row has no class: a teacher's class list must not match a null class id.
        var teacher = ScopeFor("teacher");
        teacher.CanRead(NanmingSchoolRow with { ClassId = null }).ShouldBeFalse();
        // A root row (national administrators, providers) is not inside any province.
        ScopeFor("province").CanRead(RootRow).ShouldBeFalse();
    }

    private static DataScope ScopeFor(string name) => name switch
    {
        "province" => new DataScope { Provinces = ["520000"], ManagedProvinces = ["520000"] },
        "city" => new DataScope { Cities = ["520100"], ManagedCities = ["520100"] },
        "county" => new DataScope { Counties = ["520102"], ManagedCounties = ["520102"] },
        "school" => new DataScope { Schools = [NanmingSchool], ManagedSchools = [NanmingSchool] },
        "teacher" => new DataScope { Classes = [NanmingClass] },
        "reviewer" => new DataScope { Provinces = ["520000"] },
        "nobody" => DataScope.Nobody,
        "system" => DataScope.System,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static ScopeKey Row(string name) => name switch
    {
        "nanming-class" => NanmingClassRow,
        "nanming-school" => NanmingSchoolRow,
        "nanming-county" => NanmingCountyRow,
        "yunyan-school" => YunyanSchoolRow,
        "zunyi" => ZunyiRow,
        "beijing" => BeijingRow,
        "root" => RootRow,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
