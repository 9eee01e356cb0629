using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Executives;

/// <summary>
/// Executives' structured conversations with customers against a yearly target, the themes that repeat across them,
/// and executive sponsors of key accounts.
/// </summary>
public sealed class ExecutivesModule : ICapabilityModule
{
    /// <summary>Logging one's own conversations with customers: executives, and admins who hold them too.</summary>
    public const string LogConversations = nameof(LogConversations);

    public IEnumerable<PolicyRoles> Policies => [new(LogConversations, [Roles.Executive, Roles.Admin])];

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new("My conversations", "/executives/me", LogConversations, NavigationGroup.Program, 60),
        new("Executive conversations", "/executives", Auth.Policies.ReadReports, NavigationGroup.Reports, 40),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExecutiveOptions>().BindConfiguration("Executives")
            .Validate(o => o.YearlyConversationTarget is > 0 and <= ExecutiveProgram.MaxTarget, "Executives:YearlyConversationTarget must be between 1 and 1000.")
            .Validate(o => o.ConversationCreditHours > 0, "Executives:ConversationCreditHours must be more than 0.")
            .ValidateOnStart();
        services.AddScoped<ExecutiveProgram>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapExecutives();
}
