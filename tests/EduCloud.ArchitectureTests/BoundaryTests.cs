using EduCloud.ArchitectureTests.Canaries;
using NetArchTest.Rules;

namespace EduCloud.ArchitectureTests;

/// <summary>The module boundaries of STYLE.md, checked on the compiled assemblies.</summary>
public sealed class BoundaryTests
{
    private const string CanaryNamespace = "EduCloud.ArchitectureTests.Canaries";

    private static PredicateList CanaryTypes() => Types.InAssembly(typeof(BoundaryTests).Assembly).That().ResideInNamespace(CanaryNamespace);

    /// <summary>Every type the solution's code declares (leaves out compiler-generated and embedded types).</summary>
    private static PredicateList Real(params System.Reflection.Assembly[] assemblies) => Types.InAssemblies(assemblies).That().ResideInNamespace("EduCloud");

    [Fact]
    public void The_solution_has_the_modules_the_rules_are_about()
    {
        Solution.Modules.Select(m => m.Name).ShouldContain("Organization");
        Solution.Modules.Select(m => m.Name).ShouldContain("Identity");
        Solution.Named("Organization").Internals().ShouldContain("EduCloud.Organization.Data");
        Solution.Named("Organization").Internals().ShouldNotContain("EduCloud.Organization.Contracts");
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void A_module_uses_other_modules_only_through_their_contracts(string module)
    {
        var failing = Rules.ReachIntoOtherModules(Real(Solution.Named(module).Assembly), module);

        failing.ShouldBeEmpty();
    }

    [Fact]
    public void The_module_rule_catches_a_reach_into_features_and_lets_contracts_through()
    {
        var failing = Rules.ReachIntoOtherModules(CanaryTypes(), ownModule: null);

        failing.ShouldContain(f => f.StartsWith(typeof(UsesAnotherModulesFeatures).FullName!, StringComparison.Ordinal));
        failing.ShouldNotContain(f => f.StartsWith(typeof(UsesOnlyContracts).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void The_kernel_depends_on_no_module()
    {
        Rules.DependOnAnyModule(Real(Solution.Kernel)).ShouldBeEmpty();
    }

    [Fact]
    public void The_kernel_rule_catches_a_type_that_uses_a_module()
    {
        var failing = Rules.DependOnAnyModule(CanaryTypes());

        failing.ShouldContain(typeof(UsesAModule).FullName!);
        failing.ShouldContain(typeof(UsesOnlyContracts).FullName!);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Contracts_depend_only_on_the_kernel_and_the_base_library(string module)
    {
        var m = Solution.Named(module);

        Rules.ContractsWithForeignDependencies(m.Assembly, m.ContractsNamespace).ShouldBeEmpty();
    }

    [Fact]
    public void The_contracts_rule_catches_a_contract_that_leaks_ef_core()
    {
        var failing = Rules.ContractsWithForeignDependencies(typeof(BoundaryTests).Assembly, CanaryNamespace + ".Contracts");

        failing.ShouldBe([typeof(Canaries.Contracts.LeakyContract).FullName!]);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Module_internals_are_not_public_apart_from_data_records(string module)
    {
        var m = Solution.Named(module);

        Rules.PublicInternals(m.Assembly.GetTypes(), m.Namespace).ShouldBeEmpty();
    }

    [Fact]
    public void The_visibility_rule_catches_public_entities_and_handlers_but_not_dtos()
    {
        var failing = Rules.PublicInternals(typeof(BoundaryTests).Assembly.GetTypes(), CanaryNamespace);

        failing.Order().ShouldBe([typeof(Canaries.Domain.PublicEntity).FullName!, typeof(Canaries.Features.PublicHandler).FullName!]);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void Every_module_db_context_derives_from_the_scoped_db_context(string module)
    {
        var assembly = Solution.Named(module).Assembly;

        // The module must have one at all, or the rule proves nothing for it; Statistics owns no tables (it reads
        // other modules' contracts into memory), so for it the rule is that it has no DbContext of any kind.
        var scoped = Types.InAssembly(assembly).That().Inherit(typeof(Kernel.Data.ScopedDbContext)).GetTypes();
        if (module == "Statistics")
        {
            Types.InAssembly(assembly).That().Inherit(typeof(Microsoft.EntityFrameworkCore.DbContext)).GetTypes().ShouldBeEmpty();
        }
        else
        {
            scoped.ShouldNotBeEmpty();
        }
        Rules.UnscopedDbContexts(Real(assembly)).ShouldBeEmpty();
    }

    [Fact]
    public void The_kernel_s_db_contexts_are_the_scoped_base_and_the_audit_log()
    {
        Rules.UnscopedDbContexts(Real(Solution.Kernel)).ShouldBeEmpty();
    }

    [Fact]
    public void The_db_context_rule_catches_a_plain_db_context()
    {
        Rules.UnscopedDbContexts(CanaryTypes()).ShouldBe([typeof(RogueDbContext).FullName!]);
    }

    [Fact]
    public void No_type_uses_mediatr_or_automapper()
    {
        var assemblies = Solution.Modules.Select(m => m.Assembly).Append(Solution.Kernel).Append(Solution.Server).ToList();

        Rules.UseBannedLibraries(Real([.. assemblies])).ShouldBeEmpty();
        assemblies.SelectMany(a => a.GetReferencedAssemblies()).Select(a => a.Name)
            .ShouldNotContain(n => Rules.BannedLibraries.Any(b => n!.StartsWith(b, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_library_rule_catches_a_mediatr_handler()
    {
        Rules.UseBannedLibraries(CanaryTypes()).ShouldBe([typeof(MediatedHandler).FullName!]);
    }
}
