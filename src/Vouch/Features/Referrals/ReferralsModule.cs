using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Referrals;

/// <summary>Prospects that advocates bring us, credited to them.</summary>
public sealed class ReferralsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Referrals", "/referrals", Policies.ReadInventory, NavigationGroup.Customers, 40)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<ReferralIntake>();

    public void MapEndpoints(RouteGroupBuilder api) =>
        api.MapGet("/referrals", List).RequireAuthorization(Policies.ReadInventory).WithTags("Referrals")
            .WithName("ListReferrals").WithSummary($"The newest referrals (at most {ReferralIntake.MaxListed}), with the advocate credited for each.");

    private static async Task<Ok<IReadOnlyList<ReferralResponse>>> List(ReferralIntake referrals, CancellationToken ct) =>
        TypedResults.Ok(await referrals.ListAsync(null, ct));
}
