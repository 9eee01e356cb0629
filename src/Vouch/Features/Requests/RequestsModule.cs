using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Requests;

/// <summary>Reference requests from ask to feedback, the matching behind them and the revenue they influenced.</summary>
public sealed class RequestsModule : ICapabilityModule
{
    /// <summary>Asking for references and moving one's requests along: sellers, and the program team for everyone.</summary>
    public const string RequestReferences = nameof(RequestReferences);

    /// <summary>Accepting or declining an ask: the advocate asked, or the program team on their behalf.</summary>
    public const string AnswerAsks = nameof(AnswerAsks);

    public IEnumerable<PolicyRoles> Policies =>
    [
        new(RequestReferences, [Roles.Admin, Roles.ReferenceManager, Roles.Seller]),
        new(AnswerAsks, [Roles.Admin, Roles.ReferenceManager, Roles.Advocate]),
    ];

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new("Requests", "/requests", Auth.Policies.ReadInventory, NavigationGroup.Program, 20),
        new("Influenced revenue", "/reports/references", Auth.Policies.ReadReports, NavigationGroup.Reports, 20),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddReferenceRequests();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapRequests().MapReferenceReports();
}
