using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Kernel.Scope;

/// <summary>
/// The current actor of a service scope that can be turned into the platform itself (background jobs, loaders,
/// the CLI, seeding): there is no request to read a person from. Implemented by the module that owns the actor
/// (Identity); other modules reach it through <see cref="PlatformActingExtensions.ActAsPlatform"/>.
/// </summary>
public interface IPlatformActing
{
    void BecomePlatform();
}

public static class PlatformActingExtensions
{
    /// <summary>Makes this service scope act as the platform: its DbContexts read everything and write unguarded.</summary>
    public static void ActAsPlatform(this IServiceProvider scopedServices) => scopedServices.GetRequiredService<IPlatformActing>().BecomePlatform();
}
