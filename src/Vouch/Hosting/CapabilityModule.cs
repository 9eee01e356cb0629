using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Vouch.Hosting;

/// <summary>
/// One capability of Vouch (accounts, requests, ideas…), declared in one small file in its folder: the policies it
/// defines, its services, its API endpoints, its pages' conventions and its entries in the navigation. The host,
/// the authorization setup and the layout read every module, so adding a capability is adding a folder (and a
/// migration); see docs/decisions/0018-capability-shape.md.
/// </summary>
public interface ICapabilityModule
{
    /// <summary>The authorization policies this capability defines, each with the roles it lets in.</summary>
    IEnumerable<PolicyRoles> Policies => [];

    /// <summary>Where the capability appears in the main navigation, and who sees it there.</summary>
    IEnumerable<NavigationEntry> Navigation => [];

    void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Maps the capability's endpoints under <c>/api/v1</c>.</summary>
    void MapEndpoints(RouteGroupBuilder api)
    {
    }

    /// <summary>
    /// Maps endpoints whose paths a standard fixes outside <c>/api/v1</c> (SCIM's <c>/scim/v2</c>); each names its own
    /// authorization, as no group's applies to them.
    /// </summary>
    void MapRootEndpoints(IEndpointRouteBuilder app)
    {
    }

    void AddPageConventions(PageConventionCollection conventions, IConfiguration configuration)
    {
    }
}

/// <summary>A named authorization policy and the roles it lets in.</summary>
public sealed record PolicyRoles(string Policy, IReadOnlyList<string> Roles);

/// <summary>Every capability module of the app, found once, in a fixed order.</summary>
public static class CapabilityModules
{
    public static IReadOnlyList<ICapabilityModule> All { get; } =
    [
        .. typeof(ICapabilityModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICapabilityModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ICapabilityModule)Activator.CreateInstance(t)!),
    ];

    /// <summary>Every navigation entry, in the order the layout shows them.</summary>
    public static IReadOnlyList<NavigationEntry> Navigation { get; } =
        [.. All.SelectMany(m => m.Navigation).OrderBy(e => e.Group).ThenBy(e => e.Order)];
}
