using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Ideas;

/// <summary>The idea exchange: customers and employees post, vote and comment; product management answers.</summary>
public sealed class IdeasModule : ICapabilityModule
{
    /// <summary>The idea exchange: everyone posts, votes, comments and follows.</summary>
    public const string PostIdeas = nameof(PostIdeas);

    /// <summary>Product management of ideas: statuses, merges and moderation.</summary>
    public const string ManageIdeas = nameof(ManageIdeas);

    public IEnumerable<PolicyRoles> Policies =>
    [
        new(PostIdeas, Roles.All),
        new(ManageIdeas, [Roles.Admin, Roles.ReferenceManager]),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new("Ideas", "/ideas", PostIdeas, NavigationGroup.Community, 10)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddIdeaExchange();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapIdeas();
}
