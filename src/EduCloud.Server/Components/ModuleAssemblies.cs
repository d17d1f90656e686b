using System.Reflection;

namespace EduCloud.Server.Components;

/// <summary>The module assemblies whose Pages/ the endpoints and the router must find: one list, so neither misses a module.</summary>
internal static class ModuleAssemblies
{
    public static readonly Assembly[] Pages =
    [
        typeof(Organization.OrganizationModule).Assembly, typeof(Identity.IdentityModule).Assembly, typeof(Students.StudentsModule).Assembly,
        typeof(Teachers.TeachersModule).Assembly, typeof(Statistics.StatisticsModule).Assembly,
        typeof(Resources.ResourcesModule).Assembly,
        typeof(Lessons.LessonsModule).Assembly,
        typeof(Spaces.SpacesModule).Assembly,
        typeof(Monitoring.MonitoringModule).Assembly,
        typeof(Homework.HomeworkModule).Assembly,
        typeof(Assessment.AssessmentModule).Assembly,
    ];
}
