using System.Reflection;

namespace EduCloud.Server.Components;

/// <summary>The module assemblies whose Pages/ the router must find.</summary>
internal static class ModuleAssemblies
{
    public static readonly Assembly[] Pages = [typeof(Organization.OrganizationModule).Assembly, typeof(Identity.IdentityModule).Assembly, typeof(Students.StudentsModule).Assembly];
}
