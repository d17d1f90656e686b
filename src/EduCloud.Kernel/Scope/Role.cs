namespace EduCloud.Kernel.Scope;

/// <summary>The roles of the platform. Each is assigned at a node of the organisation tree.</summary>
public enum Role
{
    /// <summary>国家级管理员</summary>
    NationalAdmin = 1,
    /// <summary>省级教育行政管理员</summary>
    ProvinceAdmin = 2,
    /// <summary>市级教育行政管理员</summary>
    CityAdmin = 3,
    /// <summary>县级教育行政管理员</summary>
    CountyAdmin = 4,
    /// <summary>学校管理员</summary>
    SchoolAdmin = 5,
    /// <summary>教师</summary>
    Teacher = 6,
    /// <summary>学生</summary>
    Student = 7,
    /// <summary>家长 (监护人)</summary>
    Parent = 8,
    /// <summary>资源审核员</summary>
    ResourceReviewer = 9,
    /// <summary>资源提供商 (企业)</summary>
    ResourceProvider = 10,
}

public static class Roles
{
    public static bool IsAdministrator(this Role role) => role is Role.NationalAdmin or Role.ProvinceAdmin or Role.CityAdmin or Role.CountyAdmin or Role.SchoolAdmin;

    public static string ChineseName(this Role role) => role switch
    {
        Role.NationalAdmin => "国家级管理员",
        Role.ProvinceAdmin => "省级管理员",
        Role.CityAdmin => "市级管理员",
        Role.CountyAdmin => "县级管理员",
        Role.SchoolAdmin => "学校管理员",
        Role.Teacher => "教师",
        Role.Student => "学生",
        Role.Parent => "家长",
        Role.ResourceReviewer => "资源审核员",
        Role.ResourceProvider => "资源提供商",
        _ => role.ToString(),
    };
}
