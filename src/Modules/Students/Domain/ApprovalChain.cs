using EduCloud.Kernel.Scope;

namespace EduCloud.Students.Domain;

/// <summary>
/// Who approves a transfer, in order. The sending side releases the student first, upwards (school, then its county,
/// city, province bureaus), then the receiving side accepts, downwards (province, city, county): each side's higher
/// bureau decides with its lower bureau's answer in hand, and the receiving school, which asked, needs no step.
/// A level is added only where the two schools differ: different counties add both county bureaus, different cities
/// both city bureaus, different provinces both province bureaus. See ADR 0008.
/// </summary>
internal static class ApprovalChain
{
    public static List<TransferStep> For(ScopeKey from, ScopeKey to)
    {
        var sending = new List<TransferStep> { Step(Role.SchoolAdmin, TransferSide.Sending, from.ProvinceCode, from.CityCode, from.CountyCode, from.SchoolId) };
        var receiving = new List<TransferStep>();
        if (from.CountyCode != to.CountyCode)
        {
            sending.Add(Step(Role.CountyAdmin, TransferSide.Sending, from.ProvinceCode, from.CityCode, from.CountyCode, null));
            receiving.Insert(0, Step(Role.CountyAdmin, TransferSide.Receiving, to.ProvinceCode, to.CityCode, to.CountyCode, null));
        }
        if (from.CityCode != to.CityCode)
        {
            sending.Add(Step(Role.CityAdmin, TransferSide.Sending, from.ProvinceCode, from.CityCode, "", null));
            receiving.Insert(0, Step(Role.CityAdmin, TransferSide.Receiving, to.ProvinceCode, to.CityCode, "", null));
        }
        if (from.ProvinceCode != to.ProvinceCode)
        {
            sending.Add(Step(Role.ProvinceAdmin, TransferSide.Sending, from.ProvinceCode, "", "", null));
            receiving.Insert(0, Step(Role.ProvinceAdmin, TransferSide.Receiving, to.ProvinceCode, "", "", null));
        }
        var chain = sending.Concat(receiving).ToList();
        for (var i = 0; i < chain.Count; i++)
        {
            chain[i].Order = i + 1;
        }
        return chain;
    }

    /// <summary>
    /// The lowest bureau over both places (same county: the county; same city: the city; same province: the province;
    /// else the nation, whose node is the root with empty codes).
    /// </summary>
    public static (Role Role, ScopeKey Node) LowestCommonBureau(ScopeKey a, ScopeKey b) =>
        a.CountyCode == b.CountyCode ? (Role.CountyAdmin, new ScopeKey(a.ProvinceCode, a.CityCode, a.CountyCode, null, null))
        : a.CityCode == b.CityCode ? (Role.CityAdmin, new ScopeKey(a.ProvinceCode, a.CityCode, "", null, null))
        : a.ProvinceCode == b.ProvinceCode ? (Role.ProvinceAdmin, new ScopeKey(a.ProvinceCode, "", "", null, null))
        : (Role.NationalAdmin, new ScopeKey("", "", "", null, null));

    private static TransferStep Step(Role role, TransferSide side, string province, string city, string county, Guid? school) =>
        new() { Role = role, Side = side, ProvinceCode = province, CityCode = city, CountyCode = county, SchoolId = school };
}
