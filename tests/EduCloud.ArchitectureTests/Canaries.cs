// Deliberate violations, one per rule. The architecture tests assert that every rule catches its canary,
// so a rule that has stopped matching anything fails loudly instead of passing in silence.
#pragma warning disable CA1822, CA1812, IDE0060
using EduCloud.Organization.Contracts;
using EduCloud.Organization.Features.Schools;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.ArchitectureTests.Canaries
{
    /// <summary>Reaches into another module's Features (not its Contracts).</summary>
    public sealed class UsesAnotherModulesFeatures
    {
        public SchoolDto? School { get; set; }
    }

    /// <summary>Uses a module's root type: what a kernel must never do.</summary>
    public sealed class UsesAModule
    {
        public Type Module => typeof(EduCloud.Organization.OrganizationModule);
    }

    /// <summary>Uses only a Contracts interface: allowed between modules.</summary>
    public sealed class UsesOnlyContracts
    {
        public IOrganizationDirectory? Directory { get; set; }
    }

    /// <summary>A DbContext that bypasses the scope filter and the audit.</summary>
    public sealed class RogueDbContext(DbContextOptions options) : DbContext(options);

    /// <summary>A handler pulling in MediatR.</summary>
    public sealed class MediatedHandler : MediatR.IRequest<int>;
}

namespace EduCloud.ArchitectureTests.Canaries.Contracts
{
    /// <summary>A contract that leaks EF Core.</summary>
    public sealed record LeakyContract(DbContextOptions Options);

    /// <summary>A clean contract.</summary>
    public sealed record CleanContract(Guid Id, string Name, EduCloud.Kernel.Scope.ScopeKey Key);
}

namespace EduCloud.ArchitectureTests.Canaries.Domain
{
    /// <summary>A public entity.</summary>
    public sealed class PublicEntity
    {
        public Guid Id { get; set; }
    }
}

namespace EduCloud.ArchitectureTests.Canaries.Features
{
    /// <summary>A public handler: behaviour, not data.</summary>
    public static class PublicHandler
    {
        public static int Handle(int x) => x;
    }

    /// <summary>A public DTO: allowed.</summary>
    public sealed record SomethingDto(Guid Id);

    internal static class InternalHandler
    {
        /// <summary>Public but nested in an internal class: not visible outside the assembly, allowed.</summary>
        public sealed class NotReallyPublic;
    }
}

// Stands in for the MediatR package, which the solution must not reference.
namespace MediatR
{
    public interface IRequest<T>;
}
