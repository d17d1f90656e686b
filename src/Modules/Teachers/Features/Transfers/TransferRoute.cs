using EduCloud.Kernel.Scope;
using EduCloud.Teachers.Domain;

namespace EduCloud.Teachers.Features.Transfers;

/// <summary>
/// The approvals a transfer needs, as data: both schools always; both county bureaus when the counties differ; both
/// city bureaus when the cities differ; both province departments when the provinces differ. Sending side first at
/// each level. Each step is placed at its approver's node, which is what lets the scope guard decide who may approve.
/// </summary>
internal static class TransferRoute
{
    public static List<(TransferParty Party, ScopeKey Place)> Steps(ScopeKey sending, ScopeKey receiving)
    {
        var steps = new List<(TransferParty, ScopeKey)>
        {
            (TransferParty.SendingSchool, sending with { ClassId = null }),
            (TransferParty.ReceivingSchool, receiving with { ClassId = null }),
        };
        if (sending.CountyCode != receiving.CountyCode)
        {
            steps.Add((TransferParty.SendingCounty, County(sending)));
            steps.Add((TransferParty.ReceivingCounty, County(receiving)));
        }
        if (sending.CityCode != receiving.CityCode)
        {
            steps.Add((TransferParty.SendingCity, new ScopeKey(sending.ProvinceCode, sending.CityCode, "", null, null)));
            steps.Add((TransferParty.ReceivingCity, new ScopeKey(receiving.ProvinceCode, receiving.CityCode, "", null, null)));
        }
        if (sending.ProvinceCode != receiving.ProvinceCode)
        {
            steps.Add((TransferParty.SendingProvince, new ScopeKey(sending.ProvinceCode, "", "", null, null)));
            steps.Add((TransferParty.ReceivingProvince, new ScopeKey(receiving.ProvinceCode, "", "", null, null)));
        }
        return steps;
    }

    public static ScopeKey PlaceOf(TransferStep step) => ScopeKey.Of(step);

    public static string PartyName(TransferParty party) => party switch
    {
        TransferParty.SendingSchool => "调出学校",
        TransferParty.ReceivingSchool => "调入学校",
        TransferParty.SendingCounty => "调出地县级教育行政部门",
        TransferParty.ReceivingCounty => "调入地县级教育行政部门",
        TransferParty.SendingCity => "调出地市级教育行政部门",
        TransferParty.ReceivingCity => "调入地市级教育行政部门",
        TransferParty.SendingProvince => "调出地省级教育行政部门",
        TransferParty.ReceivingProvince => "调入地省级教育行政部门",
        _ => party.ToString(),
    };

    public static string StatusName(TransferStatus status) => status switch
    {
        TransferStatus.Pending => "审批中",
        TransferStatus.Completed => "已完成",
        TransferStatus.Rejected => "已驳回",
        _ => status.ToString(),
    };

    private static ScopeKey County(ScopeKey key) => new(key.ProvinceCode, key.CityCode, key.CountyCode, null, null);
}
