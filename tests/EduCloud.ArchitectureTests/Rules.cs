using System.Reflection;
using EduCloud.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace EduCloud.ArchitectureTests;

/// <summary>
/// The boundary rules, each a function from a selection of types (a NetArchTest predicate list) to the names of the types that break it. The tests
/// apply every rule twice: to the real assemblies (no type may fail) and to the canaries in
/// <see cref="Canaries"/> (each must fail), so a rule that silently matches nothing cannot pass.
/// </summary>
internal static class Rules
{
    /// <summary>Libraries STYLE.md rules out: MediatR and AutoMapper (commercial, and unnecessary).</summary>
    public static readonly string[] BannedLibraries = ["MediatR", "AutoMapper"];

    /// <summary>A module may use another module's Contracts namespace, nothing else of it.</summary>
    public static IReadOnlyList<string> ReachIntoOtherModules(PredicateList types, string? ownModule)
    {
        var failing = new List<string>();
        foreach (var other in Solution.Modules.Where(m => m.Name != ownModule))
        {
            var result = types.ShouldNot().HaveDependencyOnAny(other.Internals()).GetResult();
            failing.AddRange(Names(result).Select(n => $"{n} -> {other.Name} internals"));
        }
        return failing;
    }

    /// <summary>The kernel knows no module, not even a module's Contracts, and not the host.</summary>
    public static IReadOnlyList<string> DependOnAnyModule(PredicateList types)
    {
        // NetArchTest matches a namespace and everything below it, so the module roots cover Contracts too.
        var modules = Solution.Modules.Select(m => m.Namespace).Append("EduCloud.Server").ToArray();
        return Names(types.ShouldNot().HaveDependencyOnAny(modules).GetResult());
    }

    /// <summary>A Contracts namespace depends only on the BCL, the kernel and itself.</summary>
    public static IReadOnlyList<string> ContractsWithForeignDependencies(Assembly assembly, string contractsNamespace)
    {
        var contracts = Types.InAssembly(assembly).That().ResideInNamespace(contractsNamespace);
        if (!contracts.GetTypes().Any())
        {
            return [];
        }
        return Names(contracts.Should().OnlyHaveDependenciesOn("System", "EduCloud.Kernel", contractsNamespace).GetResult());
    }

    /// <summary>
    /// Module internals stay internal. Domain and Data (apart from EF's generated Migrations) have no public
    /// type at all. Features may expose data only: sealed records (the DTOs endpoints return and the inputs they
    /// bind) and enums used in them. Anything with behaviour (handlers, services, entities, DbContexts) is
    /// internal. "Public" means visible from outside the assembly: a public record nested in an internal
    /// handler class is not. Checked by reflection because that is what the compiler means by visible.
    /// </summary>
    public static IReadOnlyList<string> PublicInternals(IEnumerable<Type> types, string rootNamespace)
    {
        var failing = new List<string>();
        foreach (var type in types.Where(t => t.IsVisible && t.Namespace is not null))
        {
            var ns = type.Namespace!;
            var inDomainOrData = InPart(ns, rootNamespace, "Domain") || (InPart(ns, rootNamespace, "Data") && !ns.Contains(".Migrations", StringComparison.Ordinal));
            var inFeatures = InPart(ns, rootNamespace, "Features");
            if (inDomainOrData || (inFeatures && !IsData(type)))
            {
                failing.Add(type.FullName!);
            }
        }
        return failing;
    }

    /// <summary>Every DbContext derives from ScopedDbContext, so no module can read or write around the scope filter and the audit.</summary>
    public static IReadOnlyList<string> UnscopedDbContexts(PredicateList types) =>
        Names(types.And().Inherit(typeof(DbContext)).And().DoNotInherit(typeof(AuditDbContext))
            .Should().Inherit(typeof(ScopedDbContext)).GetResult())
            .Where(n => n != typeof(ScopedDbContext).FullName && n != typeof(AuditDbContext).FullName).ToList();

    public static IReadOnlyList<string> UseBannedLibraries(PredicateList types) =>
        Names(types.ShouldNot().HaveDependencyOnAny(BannedLibraries).GetResult());

    private static bool InPart(string ns, string root, string part) =>
        ns == $"{root}.{part}" || ns.StartsWith($"{root}.{part}.", StringComparison.Ordinal);

    /// <summary>A sealed record (the compiler gives records a Clone method named &lt;Clone&gt;$) or an enum.</summary>
    private static bool IsData(Type type) =>
        type.IsEnum || (type.IsSealed && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null);

    private static IReadOnlyList<string> Names(TestResult result) =>
        result.IsSuccessful ? [] : (result.FailingTypeNames ?? []).ToList();
}
