using System.Reflection;
using EduCloud.Kernel.Data;

namespace EduCloud.ArchitectureTests;

/// <summary>
/// The assemblies under test, found rather than listed: every EduCloud.*.dll next to the tests that is not the
/// kernel, the host or a test project is a module. A new module is covered by every rule the day it is referenced.
/// </summary>
internal static class Solution
{
    public static readonly Assembly Kernel = typeof(ScopedDbContext).Assembly;

    public static readonly Assembly Server = typeof(Program).Assembly;

    public static IReadOnlyList<Module> Modules { get; } = FindModules();

    public static IEnumerable<object[]> ModuleNames() => Modules.Select(m => new object[] { m.Name });

    public static Module Named(string name) => Modules.Single(m => m.Name == name);

    private static List<Module> FindModules()
    {
        string[] notModules = ["EduCloud.Kernel", "EduCloud.Server", "EduCloud.Tests", "EduCloud.ArchitectureTests", "EduCloud.BrowserTests", "EduCloud.Bench"];
        return Directory.GetFiles(AppContext.BaseDirectory, "EduCloud.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !notModules.Contains(n))
            .Select(n => Assembly.Load(n!))
            .Select(a => new Module(a.GetName().Name!["EduCloud.".Length..], a))
            .OrderBy(m => m.Name)
            .ToList();
    }
}

/// <summary>One module: its assembly and its root namespace (EduCloud.Name).</summary>
internal sealed record Module(string Name, Assembly Assembly)
{
    public string Namespace => "EduCloud." + Name;

    public string ContractsNamespace => Namespace + ".Contracts";

    /// <summary>
    /// Everything of this module another module must not touch: each namespace outside Contracts, and each type
    /// that sits in the root namespace itself (XxxModule, options). Names are exact so Contracts never matches.
    /// </summary>
    public string[] Internals() => Assembly.GetTypes()
        .Where(t => t.Namespace is not null && !IsGenerated(t))
        .Where(t => t.Namespace != ContractsNamespace && !t.Namespace!.StartsWith(ContractsNamespace + ".", StringComparison.Ordinal))
        .Select(t => t.Namespace == Namespace ? t.FullName!.Split('+')[0] : t.Namespace!)
        .Distinct()
        .Order()
        .ToArray();

    private static bool IsGenerated(Type t) => t.Name.StartsWith('<') || t.Namespace!.StartsWith("Microsoft.", StringComparison.Ordinal) || t.Namespace.StartsWith("System.", StringComparison.Ordinal) || t.Namespace.StartsWith("AspNetCoreGeneratedDocument", StringComparison.Ordinal);

    public override string ToString() => Name;
}
